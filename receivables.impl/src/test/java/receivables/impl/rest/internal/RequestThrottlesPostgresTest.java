package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.TestDatabase;

class RequestThrottlesPostgresTest extends RequestThrottlesContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }

    /** A second node: its own connection pool and Hibernate on the same schema, the same clock. */
    private RequestThrottles onAnotherNode(RequestThrottles.Limits limits) {
        RequestThrottles throttles = new RequestThrottles(testDatabase.anotherNode(), time);
        throttles.configure(limits);
        return throttles;
    }

    @Test
    void twoNodesShareOneAllowancePerAddressAndItRefills() {
        RequestThrottles.Limits limits = new RequestThrottles.Limits(1_000, 10_000, 4, 1, 1);
        RequestThrottles one = throttles(limits);
        RequestThrottles two = onAnotherNode(limits);

        assertThat(one.failedAuthentication("203.0.113.9")).isEmpty();
        assertThat(two.failedAuthentication("203.0.113.9")).isEmpty();
        assertThat(one.failedAuthentication("203.0.113.9")).isEmpty();
        assertThat(two.authenticationRefused("203.0.113.9")).as("node two has not seen it run out").isEmpty();
        assertThat(two.failedAuthentication("203.0.113.9")).as("the fourth of four, on either node").isEmpty();
        assertThat(two.authenticationRefused("203.0.113.9")).hasValue(15);
        assertThat(one.failedAuthentication("203.0.113.9")).as("node one learns it from the shared count").hasValue(30);
        assertThat(one.authenticationRefused("203.0.113.9")).as("and then refuses without asking").hasValue(30);
        assertThat(two.failedAuthentication("198.51.100.1")).as("another address").isEmpty();

        time.advance(Duration.ofSeconds(30));
        assertThat(one.authenticationRefused("203.0.113.9")).isEmpty();
        assertThat(two.authenticationRefused("203.0.113.9")).isEmpty();
        assertThat(two.failedAuthentication("203.0.113.9")).as("refilled by one").isEmpty();
        assertThat(one.failedAuthentication("203.0.113.9")).isPresent();
    }

    @Test
    void notificationsTakenAtOnceOnTwoNodesAreGrantedExactlyUpToTheBurst() throws Exception {
        RequestThrottles.Limits limits = new RequestThrottles.Limits(1_000, 10_000, 1, 1, 25);
        List<RequestThrottles> nodes = List.of(throttles(limits), onAnotherNode(limits));
        TenantId acme = new TenantId("acme");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OptionalLong>> takes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                RequestThrottles node = nodes.get(i % 2);
                takes.add(() -> node.notification(acme, "wallet"));
            }
            long granted = 0;
            for (Future<OptionalLong> take : threads.invokeAll(takes)) {
                granted += take.get().isEmpty() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(25);
        } finally {
            threads.shutdownNow();
        }
        time.advance(Duration.ofSeconds(3));
        assertThat(nodes.get(1).notification(acme, "wallet")).isEmpty();
        assertThat(nodes.get(0).notification(acme, "wallet")).isEmpty();
        assertThat(nodes.get(1).notification(acme, "wallet")).isEmpty();
        assertThat(nodes.get(0).notification(acme, "wallet")).as("three seconds refill three").isPresent();
    }
}
