package receivables.impl.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.BillingRun;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TestTenants;

/**
 * A billing run whose node stops half-way is resumed by another node on every database we support: after the
 * last batch the first node recorded, every order invoiced once, numbers without gaps, progress exact. A batch's
 * invoices and the progress that counts them commit together, so the stopped node left exactly what it recorded.
 */
abstract class BillingTakeoverContract extends OnLedger {

    static final TenantId TENANT = new TenantId("takeover");
    static final LocalDate ISSUED = LocalDate.of(2026, 4, 1);
    static final int ORDERS = 12 * BackgroundBillingRuns.BATCH_SIZE + 17;

    private final List<BillingNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (BillingNode node : nodes) {
            node.close();
        }
    }

    @Test
    void aRunLeftByAStoppedNodeIsResumedByAnotherAndBillsEveryOrderOnce() throws InterruptedException {
        UUID customer = customers.create(TENANT, new CustomerRequest(null, "Takeover GmbH", null, null, "EUR", null,
                null, null, null, null, null, null, null, null)).id();
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(new SalesOrder("SO-TAKE-" + i, customer, "EUR", ISSUED.minusDays(2), null,
                    List.of(new OrderLine("P", "part", BigDecimal.ONE, new BigDecimal("10.00"), null, null))));
        }
        BillingNode first = node("first");
        BillingRun started = first.runs().start(TENANT, orders, ISSUED);
        awaitRun(first.runs(), started.id(), run -> run.done() > 0, Duration.ofSeconds(60));

        first.close();
        nodes.remove(first);
        BillingRun left = first.runs().find(TENANT, started.id()).orElseThrow();
        assertThat(left.status()).isEqualTo(BillingRunStatus.RUNNING);
        assertThat(left.done()).isBetween(1, ORDERS - 1);
        Number committed = database.inTransaction(TENANT, session -> (Number) session.createNativeQuery(
                "select count(*) from invoice where tenant_id = :tenant", Object.class)
                .setParameter("tenant", TENANT.value()).getSingleResult());
        assertThat(committed.intValue()).as("a batch's invoices commit with the run's progress").isEqualTo(left.done());

        BackgroundBillingRuns second = node("second").runs();
        BillingRun done = awaitRun(second, started.id(), run -> run.status() != BillingRunStatus.RUNNING,
                Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(BillingRunStatus.COMPLETED);
        assertThat(List.of(done.total(), done.done(), done.failed())).containsExactly(ORDERS, ORDERS, 0);
        Object[] invoiced = database.inTransaction(TENANT, session -> session.createNativeQuery("select count(*),"
                + " count(distinct order_id), count(distinct invoice_number) from invoice where tenant_id = :tenant",
                Object[].class).setParameter("tenant", TENANT.value()).getSingleResult());
        assertThat(List.of(invoiced).stream().map(value -> ((Number) value).intValue()).toList())
                .as("every order invoiced once, every number once").containsOnly(ORDERS);
        List<Integer> numbers = database.inTransaction(TENANT, session -> session.createNativeQuery(
                "select invoice_number from invoice where tenant_id = :tenant", String.class)
                .setParameter("tenant", TENANT.value()).getResultStream()
                .map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1))).sorted().toList());
        assertThat(numbers.get(0)).isEqualTo(1);
        assertThat(numbers.get(numbers.size() - 1)).as("no gaps").isEqualTo(ORDERS);
        Number kept = database.inTransaction(TENANT, session -> (Number) session.createNativeQuery(
                "select count(*) from billing_run_batch", Object.class).getSingleResult());
        assertThat(kept.intValue()).as("the run's orders are no longer kept").isZero();
    }

    private BillingNode node(String name) {
        BillingNode node = BillingNode.start(database, invoices, new TableStatistics(database),
                TestTenants.withFeatures(TENANT), name);
        nodes.add(node);
        return node;
    }

    private static BillingRun awaitRun(BackgroundBillingRuns node, UUID id, Predicate<BillingRun> until,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        BillingRun run = node.find(TENANT, id).orElseThrow();
        while (!until.test(run)) {
            assertThat(System.nanoTime()).as("within %s: %s", limit, run).isLessThan(deadline);
            Thread.sleep(5);
            run = node.find(TENANT, id).orElseThrow();
        }
        return run;
    }
}
