package receivables.impl.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Records every statement the application prepares on its JDBC connections: what reaches the driver, after
 * Hibernate and our statement inspector are done with it.
 */
public final class StatementRecorder {

    private final List<String> prepared = new CopyOnWriteArrayList<>();

    public List<String> prepared() {
        return List.copyOf(prepared);
    }

    public void clear() {
        prepared.clear();
    }

    /** {@code factory}, with the connections of its data sources recorded here. */
    DataSourceFactory recording(DataSourceFactory factory) {
        return new DataSourceFactory() {
            @Override
            public DataSource createDataSource(Properties props) throws SQLException {
                DataSource target = factory.createDataSource(props);
                return proxy(DataSource.class, target, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? recorded(connection) : result;
                });
            }

            @Override
            public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
                return factory.createConnectionPoolDataSource(props);
            }

            @Override
            public XADataSource createXADataSource(Properties props) throws SQLException {
                return factory.createXADataSource(props);
            }

            @Override
            public Driver createDriver(Properties props) throws SQLException {
                return factory.createDriver(props);
            }
        };
    }

    private Connection recorded(Connection connection) {
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                    && args != null && args[0] instanceof String sql) {
                prepared.add(sql);
            }
            return invoke(connection, method, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
