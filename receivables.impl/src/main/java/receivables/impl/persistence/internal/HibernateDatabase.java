package receivables.impl.persistence.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.impl.audit.internal.AuditChangesCompressedFast;
import receivables.impl.audit.internal.AuditRecordsAppendOnly;
import receivables.impl.audit.internal.ChangeRecorder;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.PersonalDataSealing;
import receivables.impl.personal.internal.StatementPayerSealing;
import receivables.impl.reconciliation.internal.StatementMatchingKeys;

/**
 * Connects to the configured database through the JDBC driver bundle that accepts its URL, brings
 * the schema up to date with Flyway and serves Hibernate sessions bound to one tenant.
 *
 * <p>Hibernate is bootstrapped natively rather than through {@code jakarta.persistence.Persistence},
 * whose provider lookup relies on a flat class path: the bootstrap registry gets this bundle's class
 * loader, which sees our entities and, through our imports, Hibernate's proxy packages.
 *
 * <p>The component waits for its configuration, even an empty one for the embedded default, so that it
 * never opens the embedded database first and then switches when the host's configuration arrives.
 *
 * <p>A database that is down, or whose driver bundle is not installed yet, does not stop the
 * component: it reports itself down and tries again on the next use, at most every few seconds.
 */
@Component(service = Database.class, configurationPid = DatabaseConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DatabaseConfiguration.class)
public class HibernateDatabase implements Database {

    static final String DATA_DIRECTORY_PROPERTY = "receivables.data.dir";
    static final String DEFAULT_DATA_DIRECTORY = "data";
    /** The session tenant of installation-wide work, and the tenant_id of its rows: no tenant id can be {@code *}. */
    public static final String INSTALLATION = "*";
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(HibernateDatabase.class);
    private static final Pattern TENANT_OR_NONE = Pattern.compile("\\b([\\w.]*tenant_id)=coalesce\\(\\?,\\1\\)");
    private static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<DataSourceFactory> dataSourceFactories = List.of();

    @Reference
    ChangeRecorder changes;

    @Reference
    PersonalDataKeys personalDataKeys;

    private DatabaseSettings settings;
    // Read without the lock by every transaction; written only under it, by connecting and deactivating.
    private volatile Connected connected;
    private String failure = "not started";
    private long lastAttemptNanos;
    private boolean attempted;

    private record Connected(HikariDataSource pool, SessionFactory sessions, String product, String schemaVersion) {
    }

    @Activate
    void activate(DatabaseConfiguration config, BundleContext context) {
        String dataDirectory = context == null ? null : context.getProperty(DATA_DIRECTORY_PROPERTY);
        activate(DatabaseSettings.resolve(config, System.getenv(),
                Path.of(dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory)));
    }

    synchronized void activate(DatabaseSettings settings) {
        this.settings = settings;
        connect();
    }

    @Deactivate
    synchronized void deactivate() {
        Connected closing = connected;
        connected = null;
        if (closing != null) {
            closing.sessions().close();
            closing.pool().close();
        }
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Work<T> work) {
        return inTransaction(tenant.value(), work);
    }

    @Override
    public <T> T inInstallationTransaction(Work<T> work) {
        return inTransaction(INSTALLATION, work);
    }

    private <T> T inTransaction(String tenantIdentifier, Work<T> work) {
        SessionFactory sessions = connection().sessions();
        try (Session session = sessions.withOptions().tenantIdentifier((Object) tenantIdentifier)
                .statementInspector((UnaryOperator<String>) HibernateDatabase::restrictToTenant).openSession()) {
            Transaction transaction = session.beginTransaction();
            AfterCommit afterCommit = new AfterCommit();
            transaction.registerSynchronization(afterCommit);
            try {
                T result = work.run(session, afterCommit);
                afterCommit.finish(session);
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                rollBack(transaction, e);
                throw e;
            }
        } catch (ConstraintViolationException e) {
            // A concurrent writer took a unique key between our check and our insert.
            throw new ConflictException("the change conflicts with another one made at the same time"
                    + (e.getConstraintName() == null ? "" : " (" + e.getConstraintName().toLowerCase() + ")")
                    + ": read again and retry");
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConflictException("the record was changed by someone else at the same time: read again and retry");
        } catch (RuntimeException e) {
            if (connectionLost(e)) {
                throw new DatabaseUnavailableException("the database cannot be reached: " + rootMessage(e), e);
            }
            throw e;
        }
    }

    @Override
    public void insert(Session session, NewRows rows) {
        List<List<Object>> batches = rows.batches();
        if (batches.isEmpty()) {
            return;
        }
        if (session.doReturningWork(SchemaMigration::postgres)) {
            // Copied, one round trip a table: binding them value by value was most of a billing batch's Java.
            SharedSessionContractImplementor owner = session.unwrap(SharedSessionContractImplementor.class);
            for (List<Object> batch : batches) {
                session.doWork(CopiedEntities.rows(owner, batch, (persister, id, state) -> changes.inserted(session,
                        persister, id, state))::into);
            }
            return;
        }
        // H2 gains nothing from a copy, and binds days before 1582 through java.sql.Date as Hibernate reads them.
        try (StatelessSession writer = session.statelessWithOptions().connection().open()) {
            changes.recordAsPartOf(writer, session, () -> batches.forEach(writer::insertMultiple));
        }
    }

    /**
     * Rolls back after {@code failure}. When the connection is gone the rollback fails too ("Unable to
     * rollback"); the server drops the transaction anyway, so that failure only joins the first one.
     */
    private static void rollBack(Transaction transaction, RuntimeException failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /**
     * Whether {@code failure} comes from a connection that broke or could not be had, however Hibernate or the
     * pool wrapped it: SQL states of class 08, and 57P01-57P03 (PostgreSQL shut down or ended the session).
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof JDBCConnectionException || current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException) {
                return true;
            }
            String state = current instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
            for (Throwable suppressed : current.getSuppressed()) {
                if (connectionLost(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a transaction's work registered to follow its commit, run by Hibernate's transaction synchronization
     * once the commit is through, and dropped on a rollback.
     */
    private static final class AfterCommit implements UnitOfWork, Synchronization {

        private final List<Runnable> actions = new ArrayList<>();
        private final List<Consumer<Session>> finishing = new ArrayList<>();
        private final Map<Class<?>, Object> shared = new HashMap<>();

        @Override
        public void afterCommit(Runnable action) {
            actions.add(action);
        }

        @Override
        public void beforeCommit(Consumer<Session> work) {
            finishing.add(work);
        }

        @Override
        public <T> T shared(Class<T> kind, Supplier<T> create) {
            return kind.cast(shared.computeIfAbsent(kind, unused -> create.get()));
        }

        /** Runs the work registered for before the commit, including what that work registers in turn. */
        void finish(Session session) {
            for (int i = 0; i < finishing.size(); i++) {
                finishing.get(i).accept(session);
            }
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("An action after a committed transaction failed; the transaction stays committed", e);
                }
            }
        }
    }

    @Override
    public DatabaseStatus status() {
        Connected current;
        String reason;
        synchronized (this) {
            if (connected == null) {
                connectIfDue();
            }
            current = connected;
            reason = failure;
        }
        if (current == null) {
            return new DatabaseStatus(false, null, settings.displayUrl(), null, reason);
        }
        try (Connection connection = current.pool().getConnection()) {
            boolean valid = connection.isValid(2);
            return new DatabaseStatus(valid, current.product(), settings.displayUrl(), current.schemaVersion(),
                    valid ? null : "the connection did not answer within 2 seconds");
        } catch (SQLException e) {
            return new DatabaseStatus(false, current.product(), settings.displayUrl(), current.schemaVersion(),
                    e.getMessage());
        }
    }

    /** The open connection; only while there is none do callers take the lock, to connect one at a time. */
    private Connected connection() {
        Connected current = connected;
        return current != null ? current : connectNow();
    }

    private synchronized Connected connectNow() {
        if (connected == null) {
            connectIfDue();
        }
        Connected current = connected;
        if (current == null) {
            throw new DatabaseUnavailableException("the database is not available: " + failure, null);
        }
        return current;
    }

    private void connectIfDue() {
        if (!attempted || System.nanoTime() - lastAttemptNanos > RETRY_INTERVAL.toNanos()) {
            connect();
        }
    }

    private void connect() {
        attempted = true;
        lastAttemptNanos = System.nanoTime();
        DataSourceFactory factory = driverFor(settings.url());
        if (factory == null) {
            failure = "no JDBC driver bundle accepts " + settings.displayUrl();
            LOG.warn("Waiting for a JDBC driver: {}", failure);
            return;
        }
        HikariDataSource pool = null;
        try {
            pool = pool(factory);
            String schemaVersion = migrate(pool);
            String product = product(pool);
            SessionFactory sessions = sessionFactory(pool, changes);
            connected = new Connected(pool, sessions, product, schemaVersion);
            failure = null;
            LOG.info("Connected to {} at {}, schema version {}", product, settings.displayUrl(), schemaVersion);
        } catch (RuntimeException | SQLException e) {
            if (pool != null) {
                pool.close();
            }
            failure = rootMessage(e);
            LOG.error("Cannot open the database at {}: {}", settings.displayUrl(), failure, e);
        }
    }

    private DataSourceFactory driverFor(String url) {
        for (DataSourceFactory factory : dataSourceFactories) {
            try {
                if (factory.createDriver(null).acceptsURL(url)) {
                    return factory;
                }
            } catch (SQLException e) {
                LOG.debug("A JDBC driver could not be asked about {}", settings.displayUrl(), e);
            }
        }
        return null;
    }

    private HikariDataSource pool(DataSourceFactory factory) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, settings.url());
        if (!settings.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        if (settings.url().startsWith("jdbc:postgresql:") && !settings.url().contains(REWRITE_BATCHED_INSERTS)) {
            // Hibernate's batches of inserts go as multi-row inserts: a billing batch's 2,000 rows in a few dozen
            // statements instead of one per row, which cost the server more than the rows themselves.
            properties.setProperty(REWRITE_BATCHED_INSERTS, "true");
        }
        DataSource driverDataSource = factory.createDataSource(properties);
        HikariConfig config = new HikariConfig();
        config.setPoolName("receivables");
        config.setDataSource(driverDataSource);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        return new HikariDataSource(config);
    }

    private String migrate(DataSource dataSource) {
        Flyway flyway = migrations(personalDataKeys).dataSource(dataSource).load();
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /**
     * Every migration of the schema: the SQL scripts and the Java migrations, in one place for the host and for the
     * tests that migrate an older schema only part of the way.
     *
     * @param personalDataKeys seal what the migrations move into sealed columns; null where nothing is sealed yet
     */
    static FluentConfiguration migrations(PersonalDataKeys personalDataKeys) {
        return Flyway.configure(HibernateDatabase.class.getClassLoader())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .javaMigrations(new AuditRecordsAppendOnly(), new PersonalDataSealing(personalDataKeys),
                        new StatementPayerSealing(personalDataKeys), new AuditChangesCompressedFast(),
                        new StatementMatchingKeys());
    }

    private static String product(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var metaData = connection.getMetaData();
            return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
        }
    }

    private static SessionFactory sessionFactory(DataSource dataSource, ChangeRecorder changes) {
        // Hibernate also looks up its own services through the context class loader; whatever the calling
        // thread has there (an application class path, another bundle) must not shadow Hibernate's classes.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SessionFactory.class.getClassLoader());
        try {
            return buildSessionFactory(dataSource, changes);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static SessionFactory buildSessionFactory(DataSource dataSource, ChangeRecorder changes) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(HibernateDatabase.class.getClassLoader())
                .applyIntegrator(changes)
                .build();
        Map<String, Object> hibernateSettings = new HashMap<>();
        hibernateSettings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        // The schema belongs to the migrations; Hibernate only checks that the mapping agrees with it.
        hibernateSettings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        hibernateSettings.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        // A billing batch's rows of one table go in one JDBC batch, its lines (several per invoice) too: each JDBC
        // batch is a round trip, and a batch of 200 invoices has 600 to 800 invoice and journal lines.
        hibernateSettings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 1_000);
        hibernateSettings.put(AvailableSettings.ORDER_INSERTS, true);
        hibernateSettings.put(AvailableSettings.ORDER_UPDATES, true);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySettings(hibernateSettings)
                // No entity here is ever loaded lazily (no to-one association, no getReference), so none needs a
                // proxy class; ByteBuddy would generate one per entity at every start (about 1 s of CPU, some
                // 1,100 classes). Without a bytecode provider Hibernate makes none and reads fields by reflection,
                // as it did already.
                .addService(BytecodeProvider.class, new BytecodeProviderImpl())
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            MappedEntities.in(HibernateDatabase.class.getClassLoader()).forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * Hibernate restricts an entity's update or delete to the session's tenant as {@code
     * tenant_id=coalesce(?,tenant_id)}, which also serves sessions without a tenant and which no index can use:
     * every key and index here begins with tenant_id, so each update or delete by id read the whole table. Our
     * sessions always have a tenant, and for one {@code tenant_id=?} is the same condition and uses the key.
     */
    static String restrictToTenant(String sql) {
        return sql.contains("coalesce(?,") ? TENANT_OR_NONE.matcher(sql).replaceAll("$1=?") : sql;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
