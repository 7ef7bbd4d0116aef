package receivables.impl.background.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * The lease every background run holds, on every database we support: one holder at a time, kept alive by the
 * heartbeat, taken over once it runs out, and a holder that lost it can neither renew nor release the new one's.
 */
abstract class LeaseContract {

    static final TenantId TENANT = new TenantId("leases");
    static final TenantId OTHER = new TenantId("other-leases");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    protected abstract TestDatabase testDatabase();

    Leases first;
    Leases second;

    @BeforeEach
    void twoNodes() {
        first = new Leases(testDatabase.get(), "node-1", TestLeases.LENGTH, TestLeases.HEARTBEAT);
        second = new Leases(testDatabase.get(), "node-2", TestLeases.LENGTH, TestLeases.HEARTBEAT);
    }

    @AfterEach
    void stopHeartbeats() throws InterruptedException {
        first.deactivate();
        second.deactivate();
    }

    @Test
    void aLeaseHasOneHolderUntilItIsReleased() {
        Lease held = first.acquire(TENANT, "billing-run/1").orElseThrow();

        assertThat(second.acquire(TENANT, "billing-run/1")).isEmpty();
        assertThat(first.acquire(TENANT, "billing-run/1")).as("not even the same node twice").isEmpty();
        assertThat(second.acquire(TENANT, "billing-run/2")).as("other work").isPresent();
        assertThat(second.acquire(OTHER, "billing-run/1")).as("another tenant's work").isPresent();
        assertThat(second.live(TENANT, List.of("billing-run/1", "billing-run/2", "billing-run/3")))
                .containsExactlyInAnyOrder("billing-run/1", "billing-run/2");

        first.release(held);

        assertThat(second.acquire(TENANT, "billing-run/1")).isPresent();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsOldHolderCanNeitherRenewNorReleaseIt() throws InterruptedException {
        Lease dead = first.acquire(TENANT, "statement-import/1").orElseThrow();
        assertThat(second.acquire(TENANT, "statement-import/1")).isEmpty();

        Thread.sleep(TestLeases.LENGTH.toMillis() + 300);

        assertThat(second.live(TENANT, List.of("statement-import/1"))).isEmpty();
        Lease taken = second.acquire(TENANT, "statement-import/1").orElseThrow();
        assertThat(first.renew(dead)).isFalse();
        assertThat(dead.held()).isFalse();
        first.release(dead);
        assertThat(first.acquire(TENANT, "statement-import/1")).as("the old holder's release freed nothing").isEmpty();
        assertThat(second.renew(taken)).isTrue();
        assertThat(taken.held()).isTrue();
    }

    @Test
    void aHolderThatWasTakenOverCannotWriteProgressAnyMore() throws InterruptedException {
        Lease stale = first.acquire(TENANT, "billing-run/7").orElseThrow();
        testDatabase.get().inTransaction(TENANT, session -> {
            first.confirm(session, stale);
            return null;
        });
        Thread.sleep(TestLeases.LENGTH.toMillis() + 300);
        Lease taken = second.acquire(TENANT, "billing-run/7").orElseThrow();

        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, session -> {
            first.confirm(session, stale);
            return null;
        })).isInstanceOf(LostLeaseException.class);
        assertThat(stale.held()).isFalse();
        testDatabase.get().inTransaction(TENANT, session -> {
            second.confirm(session, taken);
            return null;
        });
    }

    @Test
    void theHeartbeatKeepsALeaseFarPastItsLength() throws InterruptedException {
        first.startHeartbeat();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> ran = node.submit(() -> first.runLeased(TENANT, "intent-janitor", lease -> {
                holding.countDown();
                await(done);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            long until = System.nanoTime() + TestLeases.LENGTH.multipliedBy(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(second.acquire(TENANT, "intent-janitor")).isEmpty();
                Thread.sleep(100);
            }
            done.countDown();
            assertThat(ran.get(10, TimeUnit.SECONDS)).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            done.countDown();
            node.shutdownNow();
        }
        assertThat(second.acquire(TENANT, "intent-janitor")).as("released when the work ended").isPresent();
    }

    @Test
    void aLeaseThatCannotBeRenewedInTimeIsLostSoTheWorkStops() throws InterruptedException {
        Lease held = first.acquire(TENANT, "journal-delivery").orElseThrow();
        Thread.sleep(TestLeases.LENGTH.toMillis() + 300);
        second.acquire(TENANT, "journal-delivery").orElseThrow();

        first.track(held);
        first.renewAll();

        assertThat(held.held()).isFalse();
    }

    @Test
    void ofManyContendersForTheSameWorkExactlyOneWinsEachRound() throws Exception {
        ExecutorService contenders = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 10; round++) {
                String work = "billing-run/" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<Optional<Lease>>> attempts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Leases node = i % 2 == 0 ? first : second;
                    attempts.add(() -> {
                        go.await();
                        return node.acquire(TENANT, work);
                    });
                }
                List<Future<Optional<Lease>>> results = new ArrayList<>();
                attempts.forEach(attempt -> results.add(contenders.submit(attempt)));
                go.countDown();
                int winners = 0;
                for (Future<Optional<Lease>> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            contenders.shutdownNow();
        }
    }

    @Test
    void twoNodesNeverRunTheSameTenantsScheduledJobAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Leases node : List.of(first, second, first, second)) {
                done.add(nodes.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        node.runLeased(TENANT, "dunning", lease -> {
                            if (running.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            rounds.incrementAndGet();
                            sleep(20);
                            running.decrementAndGet();
                        });
                    }
                }));
            }
            for (Future<?> node : done) {
                node.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(rounds.get()).isPositive();
        assertThat(first.live(TENANT, Set.of("dunning"))).as("every round released its lease").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
