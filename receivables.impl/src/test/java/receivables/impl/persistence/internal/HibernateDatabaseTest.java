package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class HibernateDatabaseTest {

    @Test
    void migratesAFreshDatabaseAndReportsItUp() throws Exception {
        HibernateDatabase database = TestDatabases.h2();
        try {
            DatabaseStatus status = database.status();

            assertThat(status.up()).isTrue();
            assertThat(status.schemaVersion()).isEqualTo(latestMigration());
            assertThat(status.product()).startsWith("H2");
            assertThat(status.detail()).isNull();
        } finally {
            database.deactivate();
        }
    }

    /**
     * The highest version among the migration scripts and Java migrations, so that the test follows new migrations;
     * V21_2__... is version 21.2, between 21 and 22.
     */
    private static String latestMigration() throws Exception {
        Comparator<String> byVersion = Comparator.comparing((String version) -> Integer.parseInt(version.split("\\.")[0]))
                .thenComparing(version -> version.contains(".") ? Integer.parseInt(version.split("\\.")[1]) : -1);
        try (var scripts = Files.list(Path.of(HibernateDatabaseTest.class.getResource("/db/migration").toURI()))) {
            return Stream.concat(Stream.of(HibernateDatabase.migrations(null).getJavaMigrations())
                                    .map(migration -> migration.getVersion().getVersion()),
                            scripts.map(script -> script.getFileName().toString())
                                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .max(byVersion).orElseThrow();
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedDownAndRefusesWorkWithoutFailingTheComponent() {
        HibernateDatabase database = TestDatabases.start(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", "secret", 2));
        try {
            DatabaseStatus status = database.status();

            assertThat(status.up()).isFalse();
            assertThat(status.url()).isEqualTo("jdbc:postgresql://127.0.0.1:1/none");
            assertThat(status.detail()).isNotBlank().doesNotContain("secret");
            assertThatThrownBy(() -> database.inTransaction(new TenantId("t"), session -> 1))
                    .isInstanceOf(DatabaseUnavailableException.class);
        } finally {
            database.deactivate();
        }
    }

    @Test
    void waitsForADriverThatAcceptsTheUrl() {
        HibernateDatabase database = new HibernateDatabase();
        database.dataSourceFactories = List.of();
        database.activate(new DatabaseSettings("jdbc:h2:mem:waiting", "", "", 2));

        assertThat(database.status().up()).isFalse();
        assertThat(database.status().detail()).contains("no JDBC driver bundle accepts jdbc:h2:mem:waiting");
    }

    @Test
    void transactionsOnAnOpenConnectionNeverWaitForTheComponentsLock() throws Exception {
        HibernateDatabase database = TestDatabases.h2();
        try {
            // Whoever holds the lock (a reconnect, a status check) does not hold up the work on the open connection.
            synchronized (database) {
                CompletableFuture<Integer> work = CompletableFuture.supplyAsync(
                        () -> database.inTransaction(new TenantId("t"), session -> 1));
                assertThat(work.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            database.deactivate();
        }
    }

    @Test
    void restrictsUpdatesToTheSessionsTenantSoThatTheKeyServesThem() {
        assertThat(HibernateDatabase.restrictToTenant(
                "update invoice set status=?,version=? where id=? and version=? and tenant_id=coalesce(?,tenant_id)"))
                .isEqualTo("update invoice set status=?,version=? where id=? and version=? and tenant_id=?");
        assertThat(HibernateDatabase.restrictToTenant("delete from allocation a1_0 where a1_0.tenant_id=coalesce(?,a1_0.tenant_id)"
                + " and a1_0.id=?")).isEqualTo("delete from allocation a1_0 where a1_0.tenant_id=? and a1_0.id=?");
        assertThat(HibernateDatabase.restrictToTenant("select coalesce(?, 0) from invoice where tenant_id=?"))
                .isEqualTo("select coalesce(?, 0) from invoice where tenant_id=?");
    }

    @Test
    void aConnectionCutInsideATransactionIsUnavailableAndLeavesNothingBehind() throws Exception {
        assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_UNREACHABLE);
        String schema = TestDatabases.createPostgresSchema();
        HibernateDatabase database = TestDatabases.postgres(schema, 2);
        TenantId tenant = new TenantId("t");
        try {
            assertThatThrownBy(() -> database.inTransaction(tenant, session -> {
                session.createNativeMutationQuery("create table cut_witness (id int)").executeUpdate();
                int backend = session.createNativeQuery("select pg_backend_pid()", Integer.class).getSingleResult();
                terminate(backend);
                return session.createNativeQuery("select 1", Integer.class).getSingleResult();
            })).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("the database cannot be reached");

            long left = database.inTransaction(tenant, session -> session.createNativeQuery(
                    "select count(*) from information_schema.tables where table_name = 'cut_witness'", Long.class)
                    .getSingleResult());
            assertThat(left).as("the cut transaction left nothing, and the next one runs").isZero();
        } finally {
            database.deactivate();
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    private static void terminate(int backend) {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(" + backend + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
