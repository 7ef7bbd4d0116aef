package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.FieldChange;
import receivables.api.customer.CustomerRequest;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.journal.Account;
import receivables.api.journal.GeneralLedgerExport;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.api.provision.ForwardLookingAdjustment;
import receivables.api.provision.ForwardLookingAdjustmentRequest;
import receivables.api.provision.Provision;
import receivables.api.provision.ProvisionReport;
import receivables.api.provision.ProvisionMatrix;
import receivables.api.provision.ProvisionedCurrency;
import receivables.impl.audit.internal.CallerContext;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.ledger.OnLedger;
import receivables.impl.ledger.internal.StoredGeneralLedgerExports;

/**
 * The IFRS 9 provision matrix and its allowance on a small ledger built through the ledger's own services, every
 * figure worked out by hand below. One customer, EUR, NET30, no tax; buckets current (not yet due), 1-30, 31-60,
 * 61-90 and over 90 days past due; rates rounded half-up to 6 decimals, each loss rate too.
 *
 * <pre>
 * A  issued 01-05, due 02-04, 100.00; written off as bad debt on 04-20
 * B  issued 01-10, due 02-09, 200.00; paid in full on 03-05
 * C  issued 02-10, due 03-12, 300.00; paid 100.00 on 04-15, the rest on 05-25
 * D  issued 03-20, due 04-19, 400.00; paid in full on 05-20
 * E  issued 04-25, due 05-25, 500.00; open
 * F  issued 2025-12-01, due 12-31, 250.00; paid 50.00 on 02-15, the rest written off on 05-10
 * G  issued 01-20, due 02-19, 150.00; paid in full on 05-05
 * H  issued 02-20, due 03-22, 350.00; paid in full on 03-15, before it was due
 *
 * Days past due and open at each month end (bucket in brackets):
 *        01-31        02-28        03-31          04-30            05-31
 * A  -4 100 [cur]  24 100 [1]   55 100 [2]    written off
 * B  -9 200 [cur]  19 200 [1]   paid
 * C                -12 300 [cur] 19 300 [1]   49 200 [2]       paid
 * D                             -19 400 [cur]  11 400 [1]      paid
 * E                                           -25 500 [cur]     6 500 [1]
 * F  31 250 [2]    59 200 [2]   90 200 [3]   120 200 [over 90] written off
 * G -11 150 [cur]   9 150 [1]   40 150 [2]    70 150 [3]       paid
 * H                 -8 350 [cur] paid
 * </pre>
 * F stays in 31-60 from January to February: February has 28 days, so it rolls from a bucket by what it was, not
 * by the calendar.
 */
abstract class ProvisionsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("provision");
    static final LocalDate END_OF_APRIL = LocalDate.of(2026, 4, 30);

    SqlProvisions provisions;
    UUID customer;

    @BeforeEach
    void buildTheLedger() {
        provisions = new SqlProvisions(database, journal);
        provisions.clock = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC);
        customer = customers.create(TENANT, CustomerRequest.of(null, "Risky GmbH", null, null, "EUR")).id();
        Invoice a = issued("SO-A", LocalDate.of(2026, 1, 5), "100");
        Invoice b = issued("SO-B", LocalDate.of(2026, 1, 10), "200");
        Invoice c = issued("SO-C", LocalDate.of(2026, 2, 10), "300");
        Invoice d = issued("SO-D", LocalDate.of(2026, 3, 20), "400");
        issued("SO-E", LocalDate.of(2026, 4, 25), "500");
        Invoice f = issued("SO-F", LocalDate.of(2025, 12, 1), "250");
        Invoice g = issued("SO-G", LocalDate.of(2026, 1, 20), "150");
        Invoice h = issued("SO-H", LocalDate.of(2026, 2, 20), "350");
        pay("f-part", f, "50.00", LocalDate.of(2026, 2, 15));
        pay("b", b, "200.00", LocalDate.of(2026, 3, 5));
        pay("h", h, "350.00", LocalDate.of(2026, 3, 15));
        pay("c-part", c, "100.00", LocalDate.of(2026, 4, 15));
        writeOffs.writeOffBadDebt(TENANT, a.id(), "insolvent", LocalDate.of(2026, 4, 20));
        pay("g", g, "150.00", LocalDate.of(2026, 5, 5));
        writeOffs.writeOffBadDebt(TENANT, f.id(), "insolvent", LocalDate.of(2026, 5, 10));
        pay("d", d, "400.00", LocalDate.of(2026, 5, 20));
        pay("c-rest", c, "200.00", LocalDate.of(2026, 5, 25));
    }

    /**
     * Three steps, 01-31 to 04-30: what was open in each bucket at a month end, and what of it rolled by the next.
     * <pre>
     * current  A 100 + B 200 + G 150 (01-31), C 300 + H 350 (02-28), D 400 (03-31) = 1500; rolled all but H: 1150
     *          1150 / 1500 = 0.766667
     * 1-30     A 100 + B 200 + G 150 (02-28), C 300 (03-31) = 750; rolled A 100 + G 150 + C 200 = 450: 0.600000
     * 31-60    F 250 (01-31, stays), F 200 (02-28), A 100 + G 150 (03-31) = 700; rolled F 200 + A 100 written off
     *          + G 150 = 450: 450 / 700 = 0.642857
     * 61-90    F 200 (03-31), rolled 200: 1.000000
     * loss     over 90: 1; 61-90: 1.000000; 31-60: 0.642857; 1-30: 0.6 x 0.642857 = 0.385714;
     *          current: 0.766667 x 0.385714 = 0.295714 (0.29571419)
     * open on 04-30 and expected loss: current E 500 x 0.295714 = 147.857 -> 147.86; 1-30 D 400 x 0.385714 =
     *          154.2856 -> 154.29; 31-60 C 200 x 0.642857 = 128.5714 -> 128.57; 61-90 G 150.00; over 90 F 200.00
     * allowance 147.86 + 154.29 + 128.57 + 150.00 + 200.00 = 780.72
     * </pre>
     */
    @Test
    void lossRatesFollowEachInstallmentFromMonthEndToMonthEnd() {
        List<ProvisionMatrix> matrices = provisions.matrix(TENANT, END_OF_APRIL, 3).currencies();

        assertThat(matrices).singleElement().satisfies(matrix -> {
            assertThat(matrix.currency()).isEqualTo("EUR");
            assertThat(matrix.buckets()).extracting(bucket -> bucket.bucket().label(), bucket -> text(bucket.rollRate()),
                    bucket -> text(bucket.lossRate()), bucket -> bucket.balance().toString(),
                    bucket -> bucket.expectedLoss().toString()).containsExactly(
                    tuple("current", "0.766667", "0.295714", "500.00 EUR", "147.86 EUR"),
                    tuple("1-30", "0.600000", "0.385714", "400.00 EUR", "154.29 EUR"),
                    tuple("31-60", "0.642857", "0.642857", "200.00 EUR", "128.57 EUR"),
                    tuple("61-90", "1.000000", "1.000000", "150.00 EUR", "150.00 EUR"),
                    tuple("over 90", null, "1.000000", "200.00 EUR", "200.00 EUR"));
            assertThat(matrix.allowance()).isEqualTo(eur("780.72"));
        });
        assertThat(provisions.matrix(TENANT, LocalDate.of(2026, 5, 14), 3).windowTo())
                .as("the last month end on or before the day").isEqualTo(END_OF_APRIL);
        assertThat(provisions.matrix(TENANT, END_OF_APRIL, 3).windowFrom()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    /**
     * April posts the whole 780.72. May, three steps 02-28 to 05-31, drops January and adds April to May:
     * <pre>
     * current  C 300 + H 350, D 400, E 500 (04-30) = 1550; rolled C, D, E = 1200: 0.774194
     * 1-30     A 100 + B 200 + G 150, C 300, D 400 (04-30, paid) = 1150; rolled 100 + 150 + 200 = 450: 0.391304
     * 31-60    F 200, A 100 + G 150, C 200 (04-30, paid) = 650; rolled 200 + 100 + 150 = 450: 0.692308
     * 61-90    F 200, G 150 (04-30, paid) = 350; rolled 200: 0.571429
     * loss     61-90: 0.571429; 31-60: 0.692308 x 0.571429 = 0.395605; 1-30: 0.391304 x 0.395605 = 0.154802
     * open on 05-31: only E 500 in 1-30: 500 x 0.154802 = 77.401 -> 77.40
     * release  780.72 - 77.40 = 703.32: Dr loss allowance, Cr impairment expense
     * </pre>
     */
    @Test
    void aPeriodEndPostsTheAllowanceAndTheNextOnlyItsChange() {
        Provision april = provisions.post(TENANT, YearMonth.of(2026, 4), 3);

        assertThat(april.asOf()).isEqualTo(END_OF_APRIL);
        assertThat(april.currencies()).containsExactly(
                new ProvisionedCurrency(eur("780.72"), eur("0.00"), eur("780.72")));
        assertThat(lines("ECL-2026-04")).containsExactly(List.of(
                JournalLine.debit(Account.IMPAIRMENT_EXPENSE, eur("780.72")),
                JournalLine.credit(Account.LOSS_ALLOWANCE, eur("780.72"))));
        assertThat(provisions.post(TENANT, YearMonth.of(2026, 4), 12)).as("once per period").isEqualTo(april);
        assertThat(lines("ECL-2026-04")).hasSize(1);

        Provision may = provisions.post(TENANT, YearMonth.of(2026, 5), 3);

        assertThat(may.currencies()).containsExactly(
                new ProvisionedCurrency(eur("77.40"), eur("780.72"), eur("-703.32")));
        assertThat(lines("ECL-2026-05")).containsExactly(List.of(
                JournalLine.debit(Account.LOSS_ALLOWANCE, eur("703.32")),
                JournalLine.credit(Account.IMPAIRMENT_EXPENSE, eur("703.32"))));
        assertThat(provisions.list(TENANT)).containsExactly(may, april);
        assertThat(balance(Account.LOSS_ALLOWANCE)).as("credit balance of the allowance").isEqualByComparingTo("77.40");
        assertThat(balance(Account.IMPAIRMENT_EXPENSE)).isEqualByComparingTo("-77.40");

        StoredGeneralLedgerExports exports = new StoredGeneralLedgerExports(database, journal);
        assertThat(allowanceEntries(exports.export(TENANT, "sap", YearMonth.of(2026, 4))))
                .containsExactly(tuple("ECL-2026-04", END_OF_APRIL, "IMPAIRMENT_EXPENSE", eur("780.72")));
        assertThat(allowanceEntries(exports.export(TENANT, "sap", YearMonth.of(2026, 5))))
                .containsExactly(tuple("ECL-2026-05", LocalDate.of(2026, 5, 31), "LOSS_ALLOWANCE", eur("703.32")));
    }

    @Test
    void aPeriodNotEndedOrBeforeTheLastOrAWindowOutOfRangeIsRefusedAndNothingIsPosted() {
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(2026, 6), 3), "period");
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(2027, 1), 3), "period");
        assertRefused(() -> provisions.post(TENANT, null, 3), "period");
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(-5, 1), 3), "period");
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(2026, 4), 0), "months");
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(2026, 4), 37), "months");
        assertRefused(() -> provisions.matrix(TENANT, END_OF_APRIL, -1), "months");
        assertRefused(() -> provisions.matrix(TENANT, null, 3), "asOf");
        assertThat(provisions.list(TENANT)).isEmpty();

        provisions.post(TENANT, YearMonth.of(2026, 5), 3);
        assertRefused(() -> provisions.post(TENANT, YearMonth.of(2026, 4), 3), "period");
        assertThat(provisions.list(TENANT)).hasSize(1);
        assertThat(lines("ECL-2026-04")).isEmpty();
    }

    /**
     * April's historical loss rates (above) adjusted: an all-2 view set first is replaced by a later one of the same
     * month, and one effective from June does not reach April.
     * <pre>
     * current  0.295714 x 1.2 = 0.3548568 -> 0.354857; E 500 x 0.354857 = 177.4285 -> 177.43
     * 1-30     0.385714 x 1.5 = 0.578571;              D 400 x 0.578571 = 231.4284 -> 231.43
     * 31-60    0.642857 x 1.1 = 0.7071427 -> 0.707143; C 200 x 0.707143 = 141.4286 -> 141.43
     * 61-90    1 x 0.9 = 0.900000;                     G 150 x 0.9 = 135.00
     * over 90  1 x 0.5 = 0.500000;                     F 200 x 0.5 = 100.00
     * allowance 177.43 + 231.43 + 141.43 + 135.00 + 100.00 = 785.29
     * </pre>
     * May, with an adjustment for May alone of 10 on 1-30: 0.154802 x 10 = 1.54802, at most 1; E 500 x 1 = 500.00,
     * a release of 785.29 - 500.00 = 285.29. June is back under April's adjustment, open-ended.
     */
    @Test
    void theForwardLookingAdjustmentMultipliesTheLossRatesAndTheProvisionKeepsIt() {
        adjustAt("2026-06-01T08:00:00Z", YearMonth.of(2026, 4), null, "2", "2", "2", "2", "2");
        ForwardLookingAdjustment april = adjustAt("2026-06-02T08:00:00Z", YearMonth.of(2026, 4), null,
                "1.2", "1.5", "1.1", "0.9", "0.5");
        ForwardLookingAdjustment mayOnly = adjustAt("2026-06-03T08:00:00Z", YearMonth.of(2026, 5),
                YearMonth.of(2026, 5), "1", "10", "1", "1", "1");
        adjustAt("2026-06-04T08:00:00Z", YearMonth.of(2026, 6), null, "3", "3", "3", "3", "3");

        ProvisionReport report = provisions.matrix(TENANT, END_OF_APRIL, 3);

        assertThat(report.adjustment()).isEqualTo(april);
        assertThat(april.factors()).extracting(BigDecimal::toPlainString)
                .containsExactly("1.200000", "1.500000", "1.100000", "0.900000", "0.500000");
        assertThat(report.currencies()).singleElement().satisfies(matrix -> {
            assertThat(matrix.buckets()).extracting(bucket -> bucket.bucket().label(), bucket -> text(bucket.lossRate()),
                    bucket -> text(bucket.factor()), bucket -> text(bucket.adjustedLossRate()),
                    bucket -> bucket.expectedLoss().toString()).containsExactly(
                    tuple("current", "0.295714", "1.200000", "0.354857", "177.43 EUR"),
                    tuple("1-30", "0.385714", "1.500000", "0.578571", "231.43 EUR"),
                    tuple("31-60", "0.642857", "1.100000", "0.707143", "141.43 EUR"),
                    tuple("61-90", "1.000000", "0.900000", "0.900000", "135.00 EUR"),
                    tuple("over 90", "1.000000", "0.500000", "0.500000", "100.00 EUR"));
            assertThat(matrix.allowance()).isEqualTo(eur("785.29"));
        });

        Provision aprilProvision = provisions.post(TENANT, YearMonth.of(2026, 4), 3);
        Provision may = provisions.post(TENANT, YearMonth.of(2026, 5), 3);

        assertThat(aprilProvision.adjustment()).isEqualTo(april);
        assertThat(aprilProvision.currencies()).containsExactly(
                new ProvisionedCurrency(eur("785.29"), eur("0.00"), eur("785.29")));
        assertThat(may.adjustment()).isEqualTo(mayOnly);
        assertThat(may.currencies()).containsExactly(
                new ProvisionedCurrency(eur("500.00"), eur("785.29"), eur("-285.29")));
        assertThat(lines("ECL-2026-05")).containsExactly(List.of(
                JournalLine.debit(Account.LOSS_ALLOWANCE, eur("285.29")),
                JournalLine.credit(Account.IMPAIRMENT_EXPENSE, eur("285.29"))));
        assertThat(provisions.list(TENANT)).containsExactly(may, aprilProvision);
        assertThat(provisions.matrix(TENANT, LocalDate.of(2026, 5, 31), 3).currencies().get(0).buckets().get(1)
                .adjustedLossRate()).as("at most 1").isEqualByComparingTo("1");
        assertThat(provisions.matrix(TENANT, LocalDate.of(2026, 6, 10), 3).adjustment()).as("the latest effective")
                .isNotIn(april, mayOnly).extracting(ForwardLookingAdjustment::effectiveFrom).isEqualTo("2026-06");
        assertThat(provisions.adjustments(TENANT)).extracting(ForwardLookingAdjustment::effectiveFrom)
                .containsExactly("2026-06", "2026-05", "2026-04", "2026-04");
    }

    @Test
    void anAdjustmentIsInTheAuditTrailWithWhoSetIt() {
        Actor manager = new Actor(Actor.Kind.USER, "fiona");
        testDatabase.changes().callers().enter(new CallerContext(manager, "192.0.2.7", "req-adjust"));
        ForwardLookingAdjustment adjustment;
        try {
            adjustment = adjustAt("2026-06-01T08:00:00Z", YearMonth.of(2026, 4), YearMonth.of(2026, 6),
                    "1.2", "1.5", "1.1", "0.9", "0.5");
        } finally {
            testDatabase.changes().callers().leave();
        }

        List<AuditRecord> records = new StoredAuditTrail(database).find(TENANT, new AuditQuery("provision-adjustment",
                adjustment.id().toString(), null, null, null), PageRequest.first()).items();

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.operation()).isEqualTo(AuditOperation.CREATED);
            assertThat(record.actor()).isEqualTo(manager);
            assertThat(record.changes()).extracting(FieldChange::field).contains("effectiveFrom", "effectiveTo",
                    "factorCurrent", "factor1To30", "factor31To60", "factor61To90", "factorOver90", "reason");
            assertThat(record.changes()).contains(new FieldChange("reason", null, "forecast of 2026-06-01T08:00:00Z"),
                    new FieldChange("effectiveTo", null, "2026-06"));
        });
    }

    @Test
    void anAdjustmentOutOfRangeIsRefusedNamingTheFieldAndNothingIsStored() {
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(null, null, factors("1", "1", "1", "1", "1"), "x"),
                "effectiveFrom");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 5), YearMonth.of(2026, 4),
                factors("1", "1", "1", "1", "1"), "x"), "effectiveTo");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(10000, 1), null,
                factors("1", "1", "1", "1", "1"), "x"), "effectiveFrom");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null,
                factors("1", "1", "1", "1"), "x"), "factors");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null, null, "x"), "factors");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null,
                factors("1", "-0.1", "10.000001", "0.0000001", "1e999999999"), "x"),
                "factors[1]", "factors[2]", "factors[3]", "factors[4]");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null,
                factors("1", "1", "1", "1", "1"), "  "), "reason");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null,
                factors("1", "1", "1", "1", "1"), "x".repeat(501)), "reason");
        assertAdjustmentRefused(new ForwardLookingAdjustmentRequest(YearMonth.of(2026, 4), null,
                factors("1", "1", "1", "1", "1"), "a\u0000b"), "reason");
        assertThat(provisions.adjustments(TENANT)).isEmpty();
        assertThat(provisions.matrix(TENANT, END_OF_APRIL, 3).adjustment()).isNull();
    }

    @Test
    void aWindowReachingBeforeTheFirstDayHasNothingToRoll() {
        assertThat(provisions.matrix(TENANT, LocalDate.of(1, 2, 28), 36).currencies()).isEmpty();
    }

    private ForwardLookingAdjustment adjustAt(String instant, YearMonth from, YearMonth to, String... factors) {
        provisions.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        return provisions.adjust(TENANT, new ForwardLookingAdjustmentRequest(from, to, factors(factors),
                "forecast of " + instant));
    }

    private void assertAdjustmentRefused(ForwardLookingAdjustmentRequest request, String... fields) {
        assertRefused(() -> provisions.adjust(TENANT, request), fields);
    }

    private static List<BigDecimal> factors(String... factors) {
        return Arrays.stream(factors).map(BigDecimal::new).toList();
    }

    /** The export's allowance entries: reference, date, and the debited account with its functional amount. */
    private static List<org.assertj.core.groups.Tuple> allowanceEntries(GeneralLedgerExport export) {
        return export.entries().stream().filter(entry -> entry.kind() == JournalEntryKind.CREDIT_LOSS_ALLOWANCE)
                .map(entry -> tuple(entry.reference(), entry.date(), entry.lines().get(0).account().name(),
                        entry.lines().get(0).functionalDebit()))
                .toList();
    }

    private List<List<JournalLine>> lines(String reference) {
        List<JournalEntry> entries = journal.entriesFor(TENANT, reference);
        assertThat(entries).allMatch(entry -> entry.kind() == JournalEntryKind.CREDIT_LOSS_ALLOWANCE);
        return entries.stream().map(entry -> entry.lines().stream().map(line -> new JournalLine(line.account(), line.debit(),
                        line.credit(), null, null)).toList())
                .toList();
    }

    /** Credits less debits of {@code account} over the whole journal. */
    private BigDecimal balance(Account account) {
        return database.inTransaction(TENANT, session -> (BigDecimal) session.createNativeQuery(
                        "select sum(credit) - sum(debit) from journal_line where tenant_id = :tenant and account = :account",
                        Object.class)
                .setParameter("tenant", TENANT.value()).setParameter("account", account.name()).getSingleResult());
    }

    private Invoice issued(String orderId, LocalDate issueDate, String net) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, "EUR", issueDate, "NET30",
                List.of(new OrderLine("ITEM", null, BigDecimal.ONE, new BigDecimal(net), null, BigDecimal.ZERO))));
        return invoices.issue(TENANT, draft.id(), issueDate);
    }

    private void pay(String key, Invoice invoice, String amount, LocalDate valueDate) {
        payments.record(TENANT, new PaymentRequest(key, customer, "BANK_TRANSFER", Money.of(amount, "EUR"), valueDate,
                null, List.of(new AllocationTarget(invoice.id(), null, null))));
    }

    private static String text(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
