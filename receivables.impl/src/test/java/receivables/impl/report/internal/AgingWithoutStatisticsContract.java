package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.ledger.OnLedger;
import receivables.impl.persistence.internal.NativeValues;

/**
 * The aging report on a schema whose tables were never analyzed, as on a server with autovacuum off or for a new
 * tenant before autoanalyze: a few thousand invoices, six allocations each, and a plan that reads the allocations
 * after the as-of day by their value date instead of one that depends on row estimates. The plan is asserted, not
 * the time.
 */
abstract class AgingWithoutStatisticsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("unanalyzed");
    static final LocalDate ISSUED = LocalDate.of(2026, 1, 5);
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    static final int INVOICES = 3_000;
    static final int ALLOCATIONS_PER_INSTALLMENT = 6;

    /** What the plan must show, and must not, on this database; {@code plan} is its EXPLAIN output. */
    abstract void assertPlanHoldsWithoutStatistics(String plan);

    @Test
    void agingOverThousandsOfInvoicesReadsTheLaterAllocationsByValueDateOnTablesNeverAnalyzed() {
        List<UUID> customerIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            customerIds.add(customers.create(TENANT, new CustomerRequest(null, "Customer " + i, null, null, "EUR", null,
                    null, null, null, null, null, null, null, null)).id());
        }
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            orders.add(new SalesOrder("SO-AGE-" + i, customerIds.get(i % customerIds.size()), "EUR",
                    ISSUED.minusDays(1), null, List.of(new OrderLine("P", "part", BigDecimal.ONE, new BigDecimal("100.00"),
                            null, null))));
        }
        for (int from = 0; from < orders.size(); from += 500) {
            invoices.invoiceAndIssue(TENANT, orders.subList(from, Math.min(orders.size(), from + 500)), ISSUED);
        }
        allocateToEveryInstallment(new BigDecimal("1.00"));

        AgingReport report = aging.report(TENANT, AS_OF, List.of());

        BigDecimal open = report.totals().stream().map(AgingRow::total).map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = database.inTransaction(TENANT, session -> (BigDecimal) session.createNativeQuery(
                "select sum(gross_amount) from invoice where tenant_id = :tenant", BigDecimal.class)
                .setParameter("tenant", TENANT.value()).getSingleResult());
        assertThat(open).isEqualByComparingTo(gross.subtract(new BigDecimal(INVOICES * ALLOCATIONS_PER_INSTALLMENT)));
        assertThat(report.rows()).hasSize(customerIds.size());
        BigDecimal openAfterThree = aging.report(TENANT, ISSUED.plusDays(2), List.of()).totals().stream()
                .map(AgingRow::total).map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(openAfterThree).isEqualByComparingTo(gross.subtract(new BigDecimal(INVOICES * 3)));

        List<AgingBucket> buckets = SqlAging.buckets(List.of(30, 60, 90));
        List<String> plan = database.inTransaction(TENANT, session -> SqlAging.bind(session.createNativeQuery(
                "explain " + SqlAging.query(buckets.size()), String.class), TENANT, AS_OF, buckets).getResultList());
        assertPlanHoldsWithoutStatistics(String.join("\n", plan));
    }

    /**
     * Inserts allocations straight into the table, as a history load would, without analyzing it, and takes them
     * off the installments' open amounts in the same transaction, as the ledger does.
     */
    private void allocateToEveryInstallment(BigDecimal each) {
        database.inTransaction(TENANT, session -> {
            List<Object[]> installments = session.createNativeQuery("select id, invoice_id, customer_id, currency,"
                    + " issue_date, due_date from installment where tenant_id = :tenant", Object[].class)
                    .setParameter("tenant", TENANT.value()).getResultList();
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into allocation (tenant_id, id,"
                        + " payment_id, invoice_id, installment_id, amount, value_date, allocated_at, customer_id,"
                        + " currency, issue_date, due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Object[] installment : installments) {
                        for (int i = 0; i < ALLOCATIONS_PER_INSTALLMENT; i++) {
                            insert.setString(1, TENANT.value());
                            insert.setObject(2, UUID.randomUUID());
                            insert.setObject(3, UUID.randomUUID());
                            insert.setObject(4, NativeValues.uuid(installment[1]));
                            insert.setObject(5, NativeValues.uuid(installment[0]));
                            insert.setBigDecimal(6, each);
                            insert.setDate(7, Date.valueOf(ISSUED.plusDays(i)));
                            insert.setTimestamp(8, Timestamp.from(Instant.now()));
                            insert.setObject(9, NativeValues.uuid(installment[2]));
                            insert.setString(10, (String) installment[3]);
                            insert.setObject(11, NativeValues.date(installment[4]));
                            insert.setObject(12, NativeValues.date(installment[5]));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                try (PreparedStatement settle = connection.prepareStatement("update installment set open_amount ="
                        + " open_amount - ? where tenant_id = ?")) {
                    settle.setBigDecimal(1, each.multiply(BigDecimal.valueOf(ALLOCATIONS_PER_INSTALLMENT)));
                    settle.setString(2, TENANT.value());
                    settle.executeUpdate();
                }
            });
            return null;
        });
    }
}
