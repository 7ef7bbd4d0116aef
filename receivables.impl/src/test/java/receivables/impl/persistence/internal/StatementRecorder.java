package receivables.impl.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Records every statement the application prepares on its JDBC connections: what reaches the driver, after
 * Hibernate and our statement inspector are done with it; and each prepared statement it executes, with the
 * parameters bound, so that it can be run again (explained, for instance) exactly as the application ran it.
 */
public final class StatementRecorder {

    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    public List<String> prepared() {
        return List.copyOf(prepared);
    }

    public List<Executed> executed() {
        return List.copyOf(executed);
    }

    public void clear() {
        prepared.clear();
        executed.clear();
    }

    /**
     * A prepared statement as executed: its SQL, the setter calls that bound its parameters, and the settings its
     * transaction had made before it ({@code set local …}).
     */
    public record Executed(String sql, List<Binding> bindings, List<String> settings) {

        /** {@code sql} prepared on {@code connection} with the same settings made and parameters bound. */
        public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            try (Statement setting = connection.createStatement()) {
                for (String made : settings) {
                    setting.execute(made);
                }
            }
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                for (Binding binding : bindings) {
                    invoke(statement, binding.setter(), binding.arguments());
                }
            } catch (Throwable e) {
                statement.close();
                throw new SQLException("cannot bind the parameters of " + this.sql, e);
            }
            return statement;
        }
    }

    /** One {@code set…(index, value…)} call on a prepared statement. */
    public record Binding(Method setter, Object[] arguments) {
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
        List<String> settings = new CopyOnWriteArrayList<>();
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                    && args[0] instanceof String sql) {
                prepared.add(sql);
                Object statement = invoke(connection, method, args);
                return name.equals("prepareStatement") ? recorded(sql, (PreparedStatement) statement, settings) : statement;
            }
            if (name.equals("createStatement") && (args == null || args.length == 0)) {
                return settingsKept((Statement) invoke(connection, method, args), settings);
            }
            if (name.equals("commit") || (name.equals("rollback") && (args == null || args.length == 0))) {
                settings.clear();
            }
            return invoke(connection, method, args);
        });
    }

    /** A plain statement whose {@code set local …} are kept for the statements after it in the transaction. */
    private static Statement settingsKept(Statement statement, List<String> settings) {
        return proxy(Statement.class, statement, (proxy, method, args) -> {
            if (method.getName().equals("execute") && args != null && args.length == 1 && args[0] instanceof String sql
                    && sql.strip().toLowerCase(Locale.ROOT).startsWith("set local ")) {
                settings.add(sql);
            }
            return invoke(statement, method, args);
        });
    }

    private PreparedStatement recorded(String sql, PreparedStatement statement, List<String> settings) {
        List<Binding> bindings = new ArrayList<>();
        return proxy(PreparedStatement.class, statement, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                bindings.add(new Binding(method, args.clone()));
            } else if (name.equals("clearParameters")) {
                bindings.clear();
            } else if ((name.equals("execute") || name.equals("executeQuery") || name.equals("executeUpdate"))
                    && (args == null || args.length == 0)) {
                executed.add(new Executed(sql, List.copyOf(bindings), List.copyOf(settings)));
            }
            return invoke(statement, method, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
