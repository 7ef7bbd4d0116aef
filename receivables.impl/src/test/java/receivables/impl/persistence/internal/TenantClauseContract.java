package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.ledger.internal.InvoiceLineEntity;

/**
 * The guard for {@link HibernateDatabase#restrictToTenant}: Hibernate restricts every update and delete of an
 * entity to the session's tenant as {@code tenant_id=coalesce(?,tenant_id)}, which no index serves, and our
 * statement inspector turns that into {@code tenant_id=?}. Real updates and deletes go through Hibernate here,
 * and what reaches JDBC is recorded: should a Hibernate upgrade word the clause otherwise, this fails instead of
 * billing turning quadratic in silence.
 */
public abstract class TenantClauseContract {

    private static final TenantId TENANT = new TenantId("guard");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final StatementRecorder statements = new StatementRecorder();

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase().recording(statements);

    protected abstract TestDatabase testDatabase();

    @Test
    void updatesAndDeletesOfEntitiesReachTheDatabaseRestrictedByAPlainTenantCondition() {
        HibernateDatabase database = testDatabase.get();
        LedgerFixture ledger = LedgerFixture.on(database);
        CustomerAccount customer = ledger.customers().create(TENANT, CustomerRequest.of(null, "Guard AG", null, null, "EUR"));
        Invoice invoice = ledger.invoices().createFromOrder(TENANT, new SalesOrder("SO-GUARD", customer.id(), "EUR", DAY,
                null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, BigDecimal.TEN))));
        ledger.rates().enter(TENANT, List.of(new ExchangeRate("USD", DAY, new BigDecimal("0.9"))));
        statements.clear();

        ledger.customers().update(TENANT, customer.id(), CustomerRequest.of(null, "Guard AG & Co", null, null, "EUR"),
                customer.version());
        ledger.invoices().issue(TENANT, invoice.id(), DAY);
        ledger.payments().record(TENANT, new PaymentRequest("guard-1", customer.id(), "BANK_TRANSFER",
                Money.of("50.00", "EUR"), DAY, null, List.of()));
        database.inTransaction(TENANT, (session, tx) -> {
            session.createSelectionQuery("from InvoiceLine l where l.invoiceId = :invoice", InvoiceLineEntity.class)
                    .setParameter("invoice", invoice.id()).getResultList().forEach(session::remove);
            session.createMutationQuery("delete from ExchangeRate r where r.rate > 0").executeUpdate();
            session.createMutationQuery("update CustomerAccount c set c.name = 'Guard' where c.id = :id")
                    .setParameter("id", customer.id()).executeUpdate();
        });

        List<String> changes = statements.prepared().stream().map(sql -> sql.toLowerCase(Locale.ROOT))
                .filter(sql -> sql.startsWith("update") || sql.startsWith("delete")).toList();
        assertThat(changes).as("the updates and deletes sent").anyMatch(sql -> sql.startsWith("update customer_account"))
                .anyMatch(sql -> sql.startsWith("update invoice ")).anyMatch(sql -> sql.startsWith("update installment"))
                .anyMatch(sql -> sql.startsWith("delete from invoice_line"))
                .anyMatch(sql -> sql.startsWith("delete from exchange_rate"));
        assertThat(changes).noneMatch(sql -> sql.replace(" ", "").contains("coalesce(?,"));
        assertThat(changes).filteredOn(sql -> sql.contains(" where id=?") || sql.contains(" and id=?"))
                .isNotEmpty().allMatch(sql -> sql.matches(".*\\btenant_id=\\?.*"), "restricted to the tenant by its key");
    }
}
