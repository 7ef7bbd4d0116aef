package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.AgingReport;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * Allocations written by a release before they carried their installment's keys (migration 49) age as of a past
 * day as before: the migration copies the keys from each allocation's installment.
 */
abstract class AgingAfterUpgradeContract {

    static final TenantId TENANT = new TenantId("upgraded");
    static final LocalDate ISSUED = LocalDate.of(2026, 1, 5);
    static final LocalDate DUE = LocalDate.of(2026, 2, 4);

    /** Whether the database is a schema on the PostgreSQL test server rather than an H2 of its own. */
    abstract boolean postgres();

    @Test
    void allocationsOfAnOlderReleaseAreAddedBackByTheirInstallmentsBucket() throws Exception {
        String schema = postgres() ? TestDatabases.createPostgresSchema() : null;
        HibernateDatabase migrated = null;
        try {
            UUID customer = UUID.randomUUID();
            UUID invoice = UUID.randomUUID();
            UUID installment = UUID.randomUUID();
            migrated = TestDatabases.startedAfter(schema, "48", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into installment (tenant_id, id,"
                        + " invoice_id, sequence_number, customer_id, currency, issue_date, due_date, amount,"
                        + " open_amount, version) values (?, ?, ?, 1, ?, 'EUR', ?, ?, 100.00, 60.00, 0)")) {
                    insert.setString(1, TENANT.value());
                    insert.setObject(2, installment);
                    insert.setObject(3, invoice);
                    insert.setObject(4, customer);
                    insert.setObject(5, ISSUED);
                    insert.setObject(6, DUE);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("insert into allocation (tenant_id, id,"
                        + " payment_id, invoice_id, installment_id, amount, value_date, allocated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Object[] allocation : List.of(new Object[] { "25.00", LocalDate.of(2026, 2, 10) },
                            new Object[] { "15.00", LocalDate.of(2026, 4, 15) })) {
                        insert.setString(1, TENANT.value());
                        insert.setObject(2, UUID.randomUUID());
                        insert.setObject(3, UUID.randomUUID());
                        insert.setObject(4, invoice);
                        insert.setObject(5, installment);
                        insert.setBigDecimal(6, new BigDecimal((String) allocation[0]));
                        insert.setObject(7, allocation[1]);
                        insert.setObject(8, OffsetDateTime.of(2026, 4, 15, 12, 0, 0, 0, ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                }
            });
            SqlAging aging = new SqlAging(migrated);

            // On 31 March the installment was 55 days past due and had 75.00 open: the April allocation added back.
            AgingReport pastDay = aging.report(TENANT, LocalDate.of(2026, 3, 31), List.of(30, 60, 90));
            assertThat(pastDay.rows()).hasSize(1);
            assertThat(pastDay.rows().get(0).customerId()).isEqualTo(customer);
            assertThat(pastDay.rows().get(0).buckets().stream().map(Money::amount).toList())
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, BigDecimal.ZERO,
                            new BigDecimal("75.00"), BigDecimal.ZERO, BigDecimal.ZERO);
            assertThat(aging.report(TENANT, LocalDate.of(2026, 5, 1), List.of(30, 60, 90)).rows().get(0).total()
                    .amount()).isEqualByComparingTo("60.00");
            assertThat(aging.report(TENANT, ISSUED.minusDays(1), List.of(30, 60, 90)).rows()).isEmpty();
        } finally {
            if (migrated != null) {
                TestDatabases.stop(migrated);
            }
            if (schema != null) {
                TestDatabases.dropPostgresSchema(schema);
            }
        }
    }
}
