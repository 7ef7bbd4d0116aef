package receivables.impl.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.ConflictException;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalPendingException;
import receivables.api.approval.ApprovalRequest;
import receivables.api.approval.ApprovalStatus;
import receivables.api.audit.Actor;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.credit.WriteOff;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.impl.audit.internal.CallerScope;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.tenant.internal.TestTenants;

/**
 * Random amounts around the threshold, on every database we support: exactly the write-offs and credit notes worth
 * more than the threshold wait, the rest take effect at once; a waiting one, approved twice and asked for again,
 * takes effect once.
 */
abstract class ApprovalPropertiesContract {

    private static final TenantId TENANT = new TenantId("four-eyes-props");
    private static final BigDecimal THRESHOLD = new BigDecimal("1000.00");
    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    private static final Actor BOB = new Actor(Actor.Kind.USER, "bob");
    private static final AtomicInteger TRIES = new AtomicInteger();

    private TestDatabase testDatabase;
    private HibernateDatabase database;
    private LedgerFixture ledger;
    private StoredApprovals approvals;
    private UUID customer;

    /** A migrated database for each property: jqwik runs no JUnit extensions, so the contract opens and closes it. */
    protected abstract TestDatabase testDatabase();

    @BeforeProperty
    void wire() {
        testDatabase = testDatabase();
        testDatabase.open();
        database = testDatabase.get();
        BusinessEvents events = new BusinessEvents();
        var tenants = TestTenants.withApprovalThreshold(TENANT, "EUR", THRESHOLD.toPlainString());
        FourEyes fourEyes = FourEyesFixture.of(database, tenants, new CallerScope(), events);
        ledger = LedgerFixture.on(database, tenants, fourEyes, events);
        approvals = new StoredApprovals(database, fourEyes, List.of(ledger.writeOffs(), ledger.creditNotes(),
                ledger.customers()));
        customer = ledger.customers().create(TENANT, CustomerRequest.of(null, "Random AG", null, null, "EUR")).id();
    }

    @AfterProperty
    void closeTheDatabase() {
        testDatabase.close();
    }

    /** Cents within three euros of the threshold, the threshold itself and its neighbours always among them. */
    @Provide
    Arbitrary<Integer> centsAroundTheThreshold() {
        int threshold = THRESHOLD.movePointRight(2).intValueExact();
        return Arbitraries.integers().between(threshold - 300, threshold + 300)
                .edgeCases(edges -> edges.add(threshold - 1).add(threshold).add(threshold + 1));
    }

    @Property(tries = 30)
    void exactlyWhatIsAboveTheThresholdWaitsAndApprovingTakesEffectOnce(
            @ForAll("centsAroundTheThreshold") int cents, @ForAll boolean writeOff, @ForAll @IntRange(max = 500) int rest) {
        int attempt = TRIES.incrementAndGet();
        Money amount = Money.of(BigDecimal.valueOf(cents, 2), "EUR");
        // A write-off takes everything open; a credit note part of an invoice that may be larger.
        Money gross = writeOff ? amount : amount.plus(Money.of(BigDecimal.valueOf(rest, 2), "EUR"));
        Invoice invoice = ledger.invoices().issue(TENANT, ledger.invoices().createFromOrder(TENANT, new SalesOrder(
                "SO-P-" + attempt, customer, "EUR", DAY, null, List.of(new OrderLine("ITEM", null, BigDecimal.ONE,
                        gross.amount(), null, BigDecimal.ZERO)))).id(), DAY);
        String key = "cn-prop-" + attempt;
        Runnable command = writeOff
                ? () -> ledger.writeOffs().writeOffBadDebt(TENANT, invoice.id(), "random", DAY)
                : () -> ledger.creditNotes().issue(TENANT, invoice.id(), new CreditNoteRequest(amount, "random", DAY), key);

        ApprovalRequest waiting = null;
        try {
            command.run();
        } catch (ApprovalPendingException pending) {
            waiting = pending.request();
        }

        assertThat(waiting != null).as("%s waits", amount).isEqualTo(amount.amount().compareTo(THRESHOLD) > 0);
        if (waiting != null) {
            assertThat(settled(invoice)).isEmpty();
            UUID id = waiting.id();
            assertThat(approvals.approve(TENANT, id, BOB, null).status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThatThrownBy(() -> approvals.approve(TENANT, id, BOB, null)).isInstanceOf(ConflictException.class);
            if (!writeOff) {
                command.run();
            }
        }
        assertThat(settled(invoice)).containsExactly(amount);
        assertThat(ledger.invoices().find(TENANT, invoice.id()).orElseThrow().open()).isEqualTo(gross.minus(amount));
    }

    /** What write-offs and credit notes took off the invoice, each. */
    private List<Money> settled(Invoice invoice) {
        return Stream.concat(ledger.writeOffs().forInvoice(TENANT, invoice.id()).stream().map(WriteOff::amount),
                ledger.creditNotes().forInvoice(TENANT, invoice.id()).stream().map(CreditNote::amount)).toList();
    }
}
