package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.GeneralLedgerExport;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.money.Money;
import receivables.api.payment.PaymentRequest;
import receivables.impl.ledger.OnLedger;

/**
 * General ledger exports per sink and month on every database we support: made once, the same when asked again,
 * each entry handed to a sink once, late entries with the next export, lines in both currencies.
 */
abstract class GeneralLedgerExportsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("gl");
    static final YearMonth JANUARY = YearMonth.of(2026, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    StoredGeneralLedgerExports exports;
    UUID customer;

    @BeforeEach
    void wireExports() {
        exports = new StoredGeneralLedgerExports(database, journal);
        exports.clock = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
        rates.enter(TENANT, List.of(new ExchangeRate("USD", LocalDate.of(2026, 1, 1), new BigDecimal("0.9"))));
        customer = customers.create(TENANT, CustomerRequest.of(null, "Ledger Ltd", null, null, "EUR")).id();
    }

    @Test
    void aMonthIsExportedOncePerSinkAndALateEntryGoesWithTheNextExport() {
        Invoice january = issued("SO-1", "EUR", LocalDate.of(2026, 1, 15));
        issued("SO-2", "EUR", LocalDate.of(2026, 2, 3));

        GeneralLedgerExport first = exports.export(TENANT, "sap", JANUARY);
        assertThat(references(first)).containsExactly(tuple(JournalEntryKind.INVOICE_ISSUED, january.number()));

        // Posted now, dated in January, after January went to sap.
        payments.record(TENANT, new PaymentRequest("late", customer, "BANK_TRANSFER", Money.of("119.00", "EUR"),
                LocalDate.of(2026, 1, 31), null, List.of()));

        GeneralLedgerExport again = exports.export(TENANT, "sap", JANUARY);
        assertThat(again).isEqualTo(first);
        GeneralLedgerExport february = exports.export(TENANT, "sap", FEBRUARY);
        assertThat(february.entries()).extracting(JournalEntry::kind, JournalEntry::date).containsExactly(
                tuple(JournalEntryKind.INVOICE_ISSUED, LocalDate.of(2026, 2, 3)),
                tuple(JournalEntryKind.PAYMENT_RECEIVED, LocalDate.of(2026, 1, 31)));
        // Another ledger has its own exports: January with everything dated in it.
        assertThat(exports.export(TENANT, "datev", JANUARY).entries()).extracting(JournalEntry::kind)
                .containsExactly(JournalEntryKind.INVOICE_ISSUED, JournalEntryKind.PAYMENT_RECEIVED);
        assertThat(exports.find(TENANT, first.id())).contains(first);
        assertThat(exports.list(TENANT, "sap")).extracting(GeneralLedgerExport::period).containsExactly(FEBRUARY, JANUARY);
        assertThat(exports.list(TENANT, null)).hasSize(3);
    }

    /* 100.00 USD net + 19 % tax = 119.00 USD receivable at 0.90: 107.10 EUR, revenue 90.00 EUR, tax 17.10 EUR. */
    @Test
    void linesCarryTheTransactionAndTheFunctionalCurrency() {
        issued("SO-USD", "USD", LocalDate.of(2026, 1, 20));

        assertThat(exports.export(TENANT, "sap", JANUARY).entries().get(0).lines()).extracting(
                        line -> line.account().name(), line -> line.debit().toString(), line -> line.credit().toString(),
                        line -> line.functionalDebit().toString(), line -> line.functionalCredit().toString())
                .containsExactly(
                        tuple("RECEIVABLE", "119.00 USD", "0.00 USD", "107.10 EUR", "0.00 EUR"),
                        tuple("REVENUE", "0.00 USD", "100.00 USD", "0.00 EUR", "90.00 EUR"),
                        tuple("TAX_PAYABLE", "0.00 USD", "19.00 USD", "0.00 EUR", "17.10 EUR"));
    }

    @Test
    void aBadSinkOrAMonthThatHasNotEndedIsRefusedAndNothingIsExported() {
        assertRefused(() -> exports.export(TENANT, "sap ledger", JANUARY), "sink");
        assertRefused(() -> exports.export(TENANT, "", JANUARY), "sink");
        assertRefused(() -> exports.export(TENANT, "sap", YearMonth.of(2026, 6)), "period");
        assertRefused(() -> exports.export(TENANT, "sap", null), "period");
        assertRefused(() -> exports.export(TENANT, "sap", YearMonth.of(0, 12)), "period");
        assertThat(exports.list(TENANT, null)).isEmpty();
    }

    private Invoice issued(String orderId, String currency, LocalDate issueDate) {
        if (!"EUR".equals(currency)) {
            customer = customers.create(TENANT, CustomerRequest.of(null, "Dollar Inc", null, null, currency)).id();
        }
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, currency, issueDate, null,
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal("100.00"), null, new BigDecimal("19")))));
        return invoices.issue(TENANT, draft.id(), issueDate);
    }

    private static List<org.assertj.core.groups.Tuple> references(GeneralLedgerExport export) {
        return export.entries().stream().map(entry -> tuple(entry.kind(), entry.reference())).toList();
    }
}
