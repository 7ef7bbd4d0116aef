package receivables.impl.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.fx.Revaluation;
import receivables.api.fx.RevaluedCurrency;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.OnLedger;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Period-end revaluation on every database we support: open foreign receivables valued at the day's rate,
 * the differences journalled as unrealized and reversed the next day, once per day.
 */
abstract class RevaluationsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("revalue");
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
    static final LocalDate MONTH_END = LocalDate.of(2026, 3, 31);

    StoredRevaluations revaluations;

    @BeforeEach
    void wireRevaluations() {
        revaluations = new StoredRevaluations();
        revaluations.database = database;
        revaluations.rates = rates;
        revaluations.journal = journal;
        revaluations.tenants = new TenantDirectory();
    }

    @Test
    void openForeignReceivablesAreValuedAtTheDaysRateAndTheDifferenceReversedTheNextDay() {
        rates.enter(TENANT, List.of(new ExchangeRate("USD", ISSUED, new BigDecimal("0.92")),
                new ExchangeRate("GBP", ISSUED, new BigDecimal("1.15"))));
        UUID american = customer("Stars Inc", "USD");
        Invoice dollars = issue("SO-USD", american, "USD", "100.00");
        issue("SO-GBP", customer("Crown Ltd", "GBP"), "GBP", "50.00");
        issue("SO-EUR", customer("Heimat GmbH", "EUR"), "EUR", "70.00");
        payments.record(TENANT, new PaymentRequest("usd-part", american, "BANK_TRANSFER", Money.of("40.00", "USD"),
                ISSUED.plusDays(5), null, List.of(new AllocationTarget(dollars.id(), null, null))));
        rates.enter(TENANT, List.of(new ExchangeRate("USD", MONTH_END, new BigDecimal("0.95")),
                new ExchangeRate("GBP", MONTH_END.minusDays(3), new BigDecimal("1.10"))));

        Revaluation revaluation = revaluations.revalue(TENANT, MONTH_END);

        assertThat(revaluation.functionalCurrency()).isEqualTo("EUR");
        assertThat(revaluation.currencies()).containsExactly(
                new RevaluedCurrency(Money.of("50.00", "GBP"), eur("57.50"), new BigDecimal("1.1"), eur("55.00"), eur("-2.50")),
                new RevaluedCurrency(Money.of("60.00", "USD"), eur("55.20"), new BigDecimal("0.95"), eur("57.00"), eur("1.80")));
        List<JournalEntry> entries = journal.entriesFor(TENANT, "REVAL-" + MONTH_END);
        assertThat(entries).extracting(JournalEntry::kind, JournalEntry::date).containsExactly(
                org.assertj.core.groups.Tuple.tuple(JournalEntryKind.FX_REVALUATION, MONTH_END),
                org.assertj.core.groups.Tuple.tuple(JournalEntryKind.FX_REVALUATION_REVERSED, MONTH_END.plusDays(1)));
        assertThat(entries.get(0).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.debit(Account.FX_UNREALIZED_LOSS, eur("2.50")), JournalLine.credit(Account.RECEIVABLE, eur("2.50")),
                JournalLine.debit(Account.RECEIVABLE, eur("1.80")), JournalLine.credit(Account.FX_UNREALIZED_GAIN, eur("1.80")));
        assertThat(entries.get(1).lines()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "functionalDebit", "functionalCredit").containsExactly(
                JournalLine.credit(Account.FX_UNREALIZED_LOSS, eur("2.50")), JournalLine.debit(Account.RECEIVABLE, eur("2.50")),
                JournalLine.credit(Account.RECEIVABLE, eur("1.80")), JournalLine.debit(Account.FX_UNREALIZED_GAIN, eur("1.80")));

        assertThat(revaluations.revalue(TENANT, MONTH_END).id()).as("once per day").isEqualTo(revaluation.id());
        assertThat(journal.entriesFor(TENANT, "REVAL-" + MONTH_END)).hasSize(2);
        assertThat(revaluations.list(TENANT)).extracting(Revaluation::id).containsExactly(revaluation.id());
        assertThat(revaluations.find(TENANT, revaluation.id())).contains(revaluation);
    }

    @Test
    void aCurrencyWithoutRateOrADayInTheFutureIsRefusedAndNothingIsStored() {
        rates.enter(TENANT, List.of(new ExchangeRate("CHF", ISSUED, new BigDecimal("1.04"))));
        issue("SO-CHF", customer("Alpen AG", "CHF"), "CHF", "10.00");

        assertRefused(() -> revaluations.revalue(TENANT, ISSUED.minusDays(1)), "asOf");
        assertRefused(() -> revaluations.revalue(TENANT, LocalDate.now().plusDays(2)), "asOf");
        assertRefused(() -> revaluations.revalue(TENANT, null), "asOf");
        assertThat(revaluations.list(TENANT)).isEmpty();
        assertThat(revaluations.revalue(TENANT, ISSUED).currencies()).singleElement()
                .satisfies(chf -> assertThat(chf.difference()).isEqualTo(eur("0.00")));
        assertThat(journal.entriesFor(TENANT, "REVAL-" + ISSUED)).as("nothing to post").isEmpty();
    }

    private Invoice issue(String orderId, UUID customer, String currency, String net) {
        SalesOrder order = new SalesOrder(orderId, customer, currency, ISSUED, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, BigDecimal.ZERO)));
        return invoices.issue(TENANT, invoices.createFromOrder(TENANT, order).id(), ISSUED);
    }

    private UUID customer(String name, String currency) {
        return customers.create(TENANT, CustomerRequest.of(null, name, null, null, currency)).id();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
