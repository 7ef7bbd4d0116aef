package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.DatabaseUnavailableException;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

class RequestThrottlesPropertiesTest {

    private final RequestThrottlesContract.ManualClock time = new RequestThrottlesContract.ManualClock();
    private HibernateDatabase database;
    private RequestThrottles throttles;

    @BeforeProperty
    void start() {
        database = TestDatabases.h2();
        throttles = new RequestThrottles(database, time);
        throttles.configure(new RequestThrottles.Limits(1_000, 10_000, 2, 1, 1));
    }

    @AfterProperty
    void stop() {
        TestDatabases.stop(database);
    }

    /** Whatever a client sends as its address or a provider's name, it is counted as itself and never fails. */
    @Property(tries = 200)
    void anyAddressOrProviderHasItsOwnAllowance(@ForAll String address, @ForAll String provider) {
        time.advance(Duration.ofHours(1));
        TenantId acme = new TenantId("acme");

        assertThat(throttles.failedAuthentication(address)).isEmpty();
        assertThat(throttles.failedAuthentication(address)).isEmpty();
        assertThat(throttles.authenticationRefused(address)).isPresent();
        assertThat(throttles.failedAuthentication(address + "'")).as("a neighbour of it").isEmpty();
        assertThat(throttles.notification(acme, provider)).isEmpty();
        assertThat(throttles.notification(acme, provider)).isPresent();
        assertThat(throttles.notification(acme, provider + ";")).isEmpty();
    }

    @Test
    void whileTheDatabaseIsAwayAFailureOrANotificationIsUnavailableAndNobodyIsLockedOut() {
        HibernateDatabase away = TestDatabases.at("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", 2);
        try {
            RequestThrottles unreachable = new RequestThrottles(away, time);
            unreachable.configure(new RequestThrottles.Limits(1_000, 10_000, 1, 1, 1));

            assertThatThrownBy(() -> unreachable.failedAuthentication("10.0.0.1"))
                    .isInstanceOf(DatabaseUnavailableException.class);
            assertThat(unreachable.authenticationRefused("10.0.0.1")).as("a key that is right still gets in").isEmpty();
            assertThatThrownBy(() -> unreachable.notification(new TenantId("acme"), "wallet"))
                    .isInstanceOf(DatabaseUnavailableException.class);
            assertThat(ProblemResponses.problem(new DatabaseUnavailableException("down", null)).status()).isEqualTo(503);
        } finally {
            TestDatabases.stop(away);
        }
    }
}
