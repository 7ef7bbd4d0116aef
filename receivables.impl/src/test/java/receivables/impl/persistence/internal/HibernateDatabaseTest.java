package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;

class HibernateDatabaseTest {

    @Test
    void migratesAFreshDatabaseAndReportsItUp() {
        HibernateDatabase database = TestDatabases.h2();
        try {
            DatabaseStatus status = database.status();

            assertThat(status.up()).isTrue();
            assertThat(status.schemaVersion()).isEqualTo("3");
            assertThat(status.product()).startsWith("H2");
            assertThat(status.detail()).isNull();
        } finally {
            database.deactivate();
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedDownAndRefusesWorkWithoutFailingTheComponent() {
        HibernateDatabase database = TestDatabases.start(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", "secret", 1));
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
        database.activate(new DatabaseSettings("jdbc:h2:mem:waiting", "", "", 1));

        assertThat(database.status().up()).isFalse();
        assertThat(database.status().detail()).contains("no JDBC driver bundle accepts jdbc:h2:mem:waiting");
    }
}
