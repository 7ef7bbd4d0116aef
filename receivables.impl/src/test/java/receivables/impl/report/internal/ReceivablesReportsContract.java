package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerRequest;
import receivables.api.fx.ExchangeRate;
import receivables.api.invoice.Invoice;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.report.CashForecast;
import receivables.api.report.CashForecasts;
import receivables.api.report.CollectionKpi;
import receivables.api.report.CollectionKpis;
import receivables.api.report.CollectionRow;
import receivables.api.report.CollectionsReport;
import receivables.api.report.DimensionAgingRow;
import receivables.api.report.ExpectedReceipt;
import receivables.api.report.ForecastBackTest;
import receivables.api.report.ForecastWeek;
import receivables.api.report.ReceivablesReport;
import receivables.api.report.ReportDimension;
import receivables.impl.ledger.OnLedger;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Receivables, collections and KPIs on a small ledger built through the ledger's own services, every figure
 * worked out by hand below. Terms are NET30 (due 30 days after issue), every line carries 19 % tax, the
 * functional currency is EUR and a dollar was worth 0.90 EUR.
 *
 * <pre>
 * Alpha GmbH  RETAIL    DE  salesperson Ann (the customer's)
 *   INV1 issued 2026-01-10, due 02-09: P1 100 + P2 300 net = 119.00 + 357.00 = 476.00
 *   INV3 issued 2026-03-20, due 04-19: P2 100 net = 119.00
 *   paid 238.00 on 02-20 to INV1 (11 days late, 41 days after issue)
 *   paid 100.00 on 03-10 to INV1 (29 days late, 59 days after issue)
 *   paid  10.00 on 03-25 to INV3, reversed on 03-26 (counts nowhere)
 *   paid 119.00 on 05-04 to INV3 (15 days late)
 * Beta SA     WHOLESALE FR  salesperson Bob, but the order says Cid
 *   INV2 issued 2026-02-05, due 03-07: P1 200 net = 238.00, paid in full on 03-01 (in time, 24 days)
 * Gamma Inc   RETAIL    US  no salesperson, billed in USD
 *   INV4 issued 2026-03-02, due 04-01: P3 100 net = 119.00 USD = 107.10 EUR, paid on 04-10 (9 days late)
 * </pre>
 */
abstract class ReceivablesReportsContract extends OnLedger {

    static final TenantId TENANT = new TenantId("reports");
    static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    SqlReceivablesReports reports;
    SqlCashForecasts forecasts;
    UUID alpha;
    UUID beta;
    UUID gamma;

    @BeforeEach
    void buildTheLedger() {
        reports = new SqlReceivablesReports(database, new TenantDirectory());
        rates.enter(TENANT, List.of(new ExchangeRate("USD", LocalDate.of(2026, 1, 1), new BigDecimal("0.9"))));
        alpha = customer("Alpha GmbH", "EUR", "Ann", "RETAIL", "DE");
        beta = customer("Beta SA", "EUR", "Bob", "WHOLESALE", "FR");
        gamma = customer("Gamma Inc", "USD", null, "RETAIL", "US");
        Invoice inv1 = issued("SO-1", alpha, "EUR", null, LocalDate.of(2026, 1, 10), line("P1", "100"), line("P2", "300"));
        Invoice inv2 = issued("SO-2", beta, "EUR", "Cid", LocalDate.of(2026, 2, 5), line("P1", "200"));
        Invoice inv3 = issued("SO-3", alpha, "EUR", null, LocalDate.of(2026, 3, 20), line("P2", "100"));
        Invoice inv4 = issued("SO-4", gamma, "USD", null, LocalDate.of(2026, 3, 2), line("P3", "100"));
        pay("pay-1", alpha, inv1, "238.00", LocalDate.of(2026, 2, 20));
        pay("pay-2", beta, inv2, "238.00", LocalDate.of(2026, 3, 1));
        pay("pay-3", alpha, inv1, "100.00", LocalDate.of(2026, 3, 10));
        Payment bounced = pay("pay-4", alpha, inv3, "10.00", LocalDate.of(2026, 3, 25));
        payments.reverse(TENANT, bounced.id(), "returned by the bank", LocalDate.of(2026, 3, 26));
        pay("pay-5", alpha, inv3, "119.00", LocalDate.of(2026, 5, 4));
        payments.record(TENANT, new PaymentRequest("pay-6", gamma, "BANK_TRANSFER", Money.of("119.00", "USD"),
                LocalDate.of(2026, 4, 10), null, List.of(new AllocationTarget(inv4.id(), null, null))));
        forecasts = new SqlCashForecasts(database);
        forecasts.clock = Clock.fixed(Instant.parse("2026-07-31T12:00:00Z"), ZoneOffset.UTC);
    }

    /*
     * As of 03-31: INV1 has 476.00 - 238.00 - 100.00 = 138.00 open, 50 days past due (31-60); INV3 119.00 and INV4
     * 119.00 USD are not yet due (current); INV2 is paid.
     */
    @Test
    void receivablesByCustomerSalespersonSegmentCurrencyAndCountry() {
        assertThat(rows(ReportDimension.CUSTOMER)).containsExactly(
                tuple(alpha.toString(), "Alpha GmbH", "EUR", List.of("119.00", "0.00", "138.00", "0.00", "0.00"), "257.00"),
                tuple(gamma.toString(), "Gamma Inc", "USD", List.of("119.00", "0.00", "0.00", "0.00", "0.00"), "119.00"));
        // Cid's INV2 is paid, so Cid has no row; Gamma's invoice has no salesperson and comes last.
        assertThat(rows(ReportDimension.SALESPERSON)).containsExactly(
                tuple("Ann", "Ann", "EUR", List.of("119.00", "0.00", "138.00", "0.00", "0.00"), "257.00"),
                tuple(null, null, "USD", List.of("119.00", "0.00", "0.00", "0.00", "0.00"), "119.00"));
        assertThat(rows(ReportDimension.SEGMENT)).extracting(row -> row.toList().get(0), row -> row.toList().get(2),
                row -> row.toList().get(4)).containsExactly(tuple("RETAIL", "EUR", "257.00"), tuple("RETAIL", "USD", "119.00"));
        assertThat(rows(ReportDimension.COUNTRY)).extracting(row -> row.toList().get(0), row -> row.toList().get(4))
                .containsExactly(tuple("DE", "257.00"), tuple("US", "119.00"));
        ReceivablesReport byCurrency = reports.receivables(TENANT, END_OF_MARCH, ReportDimension.CURRENCY, null);
        assertThat(byCurrency.rows()).extracting(DimensionAgingRow::key, row -> row.total().toString())
                .containsExactly(tuple("EUR", "257.00 EUR"), tuple("USD", "119.00 USD"));
        assertThat(byCurrency.totals()).extracting(row -> row.total().toString())
                .containsExactly("257.00 EUR", "119.00 USD");
        // Every dimension adds up to what the aging report has open.
        assertThat(aging.report(TENANT, END_OF_MARCH, null).totals()).extracting(row -> row.total().toString())
                .containsExactly("257.00 EUR", "119.00 USD");
    }

    /*
     * INV1's 138.00 spread over its lines' gross 119.00 (P1) and 357.00 (P2): P1 138 x 119 / 476 = 34.50 and
     * P2 103.50, both 31-60 days; INV3's 119.00 is all P2, current. P2 = 119.00 + 103.50 = 222.50.
     */
    @Test
    void receivablesByProductSpreadEachInvoiceOverItsLinesInProportion() {
        assertThat(rows(ReportDimension.PRODUCT)).containsExactly(
                tuple("P1", "P1", "EUR", List.of("0.00", "0.00", "34.50", "0.00", "0.00"), "34.50"),
                tuple("P2", "P2", "EUR", List.of("119.00", "0.00", "103.50", "0.00", "0.00"), "222.50"),
                tuple("P3", "P3", "USD", List.of("119.00", "0.00", "0.00", "0.00", "0.00"), "119.00"));
        assertThat(reports.receivables(TENANT, END_OF_MARCH, ReportDimension.PRODUCT, null).totals())
                .extracting(row -> row.total().toString()).containsExactly("257.00 EUR", "119.00 USD");
        // Before anything was paid (01-31) INV1 is all open and current: 119.00 P1, 357.00 P2.
        assertThat(reports.receivables(TENANT, LocalDate.of(2026, 1, 31), ReportDimension.PRODUCT, List.of(30)).rows())
                .extracting(DimensionAgingRow::key, row -> row.buckets().get(0).toString())
                .containsExactly(tuple("P1", "119.00 EUR"), tuple("P2", "357.00 EUR"));
    }

    /*
     * Shares that round, as Money.split rounds them, all current as of 03-31 (issued 03-25, due 04-24). INV5 (Beta):
     * R1, R2, R3 at 100 net (119.00 gross each); 100.00 paid leaves 257.00, 257 x 119 / 357 = 85.666..., so 85.67
     * to R1 and R2 and the remainder 85.66 to R3. INV6 (Beta): S1 and S2 at 100 net, S3 at 0; 237.99 paid leaves
     * 0.01, whose half of 0.005 rounds up to 0.01 for S1; S2's would too, but nothing is left, so S2 and S3 get
     * nothing and have no row. INV7 (Beta) in yen, which have no decimals: T1, T2, T3 at 1000 net (1190 gross
     * each); 1000 paid leaves 2570: 856.67 rounds to 857 for T1 and T2, the remainder 856 to T3.
     */
    @Test
    void receivablesByProductRoundEachShareToTheCurrencysMinorUnitsNeverPastWhatIsLeft() {
        rates.enter(TENANT, List.of(new ExchangeRate("JPY", LocalDate.of(2026, 1, 1), new BigDecimal("0.0061"))));
        LocalDate issued = LocalDate.of(2026, 3, 25);
        LocalDate paid = LocalDate.of(2026, 3, 26);
        Invoice inv5 = issued("SO-5", beta, "EUR", null, issued, line("R1", "100"), line("R2", "100"), line("R3", "100"));
        Invoice inv6 = issued("SO-6", beta, "EUR", null, issued, line("S1", "100"), line("S2", "100"), line("S3", "0"));
        Invoice inv7 = issued("SO-7", beta, "JPY", null, issued, line("T1", "1000"), line("T2", "1000"),
                line("T3", "1000"));
        pay("pay-7", beta, inv5, "100.00", paid);
        pay("pay-8", beta, inv6, "237.99", paid);
        payments.record(TENANT, new PaymentRequest("pay-9", beta, "BANK_TRANSFER", Money.of("1000", "JPY"), paid, null,
                List.of(new AllocationTarget(inv7.id(), null, null))));

        assertThat(rows(ReportDimension.PRODUCT)).extracting(row -> row.toList().get(0), row -> row.toList().get(2),
                        row -> row.toList().get(4))
                .containsExactly(tuple("P1", "EUR", "34.50"), tuple("P2", "EUR", "222.50"), tuple("P3", "USD", "119.00"),
                        tuple("R1", "EUR", "85.67"), tuple("R2", "EUR", "85.67"), tuple("R3", "EUR", "85.66"),
                        tuple("S1", "EUR", "0.01"), tuple("T1", "JPY", "857"), tuple("T2", "JPY", "857"),
                        tuple("T3", "JPY", "856"));
        assertThat(reports.receivables(TENANT, END_OF_MARCH, ReportDimension.PRODUCT, null).totals())
                .extracting(row -> row.total().toString())
                .containsExactly("514.01 EUR", "2570 JPY", "119.00 USD");
    }

    /*
     * February and March: Alpha 238.00 (41 days, 11 late) + 100.00 (59 days, 29 late) = 338.00, none in time;
     * days to pay (238 x 41 + 100 x 59) / 338 = 15658 / 338 = 46.33; beyond terms (238 x 11 + 100 x 29) / 338 =
     * 5518 / 338 = 16.33. Beta 238.00 in time after 24 days. The bounced 10.00 and its reversal count nowhere.
     * Totals: 576.00; in time 238 / 576 = 41.32 %; (15658 + 238 x 24) / 576 = 21370 / 576 = 37.10;
     * 5518 / 576 = 9.58.
     */
    @Test
    void collectionsByCustomerAndSalespersonWithOnTimeShareAndWeightedDays() {
        CollectionsReport byCustomer = reports.collections(TENANT, LocalDate.of(2026, 2, 1), END_OF_MARCH,
                ReportDimension.CUSTOMER);
        assertThat(byCustomer.rows()).extracting(CollectionRow::label, row -> row.collected().toString(),
                CollectionRow::onTimePercent, CollectionRow::averageDaysToPay, CollectionRow::averageDaysBeyondTerms)
                .containsExactly(
                        tuple("Alpha GmbH", "338.00 EUR", new BigDecimal("0.00"), new BigDecimal("46.3"), new BigDecimal("16.3")),
                        tuple("Beta SA", "238.00 EUR", new BigDecimal("100.00"), new BigDecimal("24.0"), new BigDecimal("0.0")));
        assertThat(byCustomer.totals()).extracting(row -> row.collected().toString(), CollectionRow::onTimePercent,
                CollectionRow::averageDaysToPay, CollectionRow::averageDaysBeyondTerms)
                .containsExactly(tuple("576.00 EUR", new BigDecimal("41.32"), new BigDecimal("37.1"), new BigDecimal("9.6")));
        assertThat(reports.collections(TENANT, LocalDate.of(2026, 2, 1), END_OF_MARCH, ReportDimension.SALESPERSON).rows())
                .extracting(CollectionRow::key, row -> row.collected().toString())
                .containsExactly(tuple("Ann", "338.00 EUR"), tuple("Cid", "238.00 EUR"));
        // March alone: only Beta's 238.00 and Alpha's 100.00.
        assertThat(reports.collections(TENANT, LocalDate.of(2026, 3, 1), END_OF_MARCH, ReportDimension.CURRENCY).rows())
                .extracting(row -> row.collected().toString()).containsExactly("338.00 EUR");
    }

    /*
     * By product, each payment is spread like INV1's lines (119 : 357): 238.00 = 59.50 P1 + 178.50 P2, 100.00 =
     * 25.00 P1 + 75.00 P2; INV2's 238.00 is all P1.
     * P1: 322.50, in time 238 / 322.5 = 73.80 %, days (59.5 x 41 + 25 x 59 + 238 x 24) / 322.5 = 9626.5 / 322.5 = 29.85,
     *     beyond (59.5 x 11 + 25 x 29) / 322.5 = 1379.5 / 322.5 = 4.28.
     * P2: 253.50, in time 0 %, days (178.5 x 41 + 75 x 59) / 253.5 = 46.33, beyond 4138.5 / 253.5 = 16.33.
     */
    @Test
    void collectionsByProductSpreadEachPaymentOverTheInvoiceLines() {
        assertThat(reports.collections(TENANT, LocalDate.of(2026, 2, 1), END_OF_MARCH, ReportDimension.PRODUCT).rows())
                .extracting(CollectionRow::key, row -> row.collected().toString(), CollectionRow::onTimePercent,
                        CollectionRow::averageDaysToPay, CollectionRow::averageDaysBeyondTerms)
                .containsExactly(
                        tuple("P1", "322.50 EUR", new BigDecimal("73.80"), new BigDecimal("29.8"), new BigDecimal("4.3")),
                        tuple("P2", "253.50 EUR", new BigDecimal("0.00"), new BigDecimal("46.3"), new BigDecimal("16.3")));
    }

    /*
     * Credit sales: January 476.00, February 238.00, March 119.00 + 107.10 (119 USD at 0.90) = 226.10.
     * Receivables (not yet due): 01-31 476.00 (476.00); 02-28 238.00 + 238.00 = 476.00 (INV2's 238.00);
     * 03-31 138.00 + 119.00 + 107.10 = 364.10 (226.10).
     * 01-31: DSO 31 x 476 / 476 = 31.0, best 31.0; CEI (0 + 476 - 476) / (0 + 476 - 476): nothing to collect, none.
     * 02-28: DSO 28 (February's 238.00) + 31 x 238 / 476 = 43.5; best 28 x 238 / 238 = 28.0; delinquent 15.5;
     *        CEI (476 + 238 - 476) / (476 + 238 - 238) = 238 / 476 = 50.00 %.
     * 03-31: DSO 31 (March's 226.10) + 28 x 138.00 / 238 = 31 + 16.24 = 47.2; best 31 x 226.10 / 226.10 = 31.0;
     *        delinquent 16.2; CEI (476 + 226.10 - 364.10) / (476 + 226.10 - 226.10) = 338 / 476 = 71.01 %.
     */
    @Test
    void dsoByCountBackWithBestPossibleDsoDaysDelinquentAndCeiPerMonth() {
        CollectionKpis kpis = reports.kpis(TENANT, END_OF_MARCH, 3);

        assertThat(kpis.currency()).isEqualTo("EUR");
        assertThat(kpis.trend()).extracting(CollectionKpi::asOf, kpi -> kpi.receivables().toString(),
                        kpi -> kpi.current().toString(), CollectionKpi::dso, CollectionKpi::bestPossibleDso,
                        CollectionKpi::averageDaysDelinquent, CollectionKpi::cei)
                .containsExactly(
                        tuple(LocalDate.of(2026, 1, 31), "476.00 EUR", "476.00 EUR", new BigDecimal("31.0"),
                                new BigDecimal("31.0"), new BigDecimal("0.0"), null),
                        tuple(LocalDate.of(2026, 2, 28), "476.00 EUR", "238.00 EUR", new BigDecimal("43.5"),
                                new BigDecimal("28.0"), new BigDecimal("15.5"), new BigDecimal("50.00")),
                        tuple(END_OF_MARCH, "364.10 EUR", "226.10 EUR", new BigDecimal("47.2"), new BigDecimal("31.0"),
                                new BigDecimal("16.2"), new BigDecimal("71.01")));
        assertThat(kpis.latest()).isEqualTo(kpis.trend().get(2));
    }

    /*
     * Average delays known on 03-31 (amount-weighted days past due): Alpha (238 x 11 + 100 x 29) / 338 = 16.33, so
     * 16 days (the bounced payment was taken back on 03-26); Beta 238.00 paid 6 days early, -6; Gamma none, 0.
     * INV1's 138.00 was due 02-09, + 16 = 02-25, passed: expected on 04-01, the first day. INV3's 119.00: 04-19 + 16
     * = 05-05, in the fifth week (04-29 to 05-05). INV4's 119.00 USD: 04-01 + 0.
     */
    @Test
    void theCashForecastMovesEachOpenInstallmentByItsCustomersAverageDelay() {
        CashForecast forecast = forecasts.forecast(TENANT, END_OF_MARCH);

        assertThat(forecast.days()).extracting(ExpectedReceipt::date, receipt -> receipt.amount().toString())
                .containsExactly(tuple(LocalDate.of(2026, 4, 1), "138.00 EUR"), tuple(LocalDate.of(2026, 4, 1), "119.00 USD"),
                        tuple(LocalDate.of(2026, 5, 5), "119.00 EUR"));
        assertThat(forecast.weeks()).hasSize(2 * CashForecasts.WEEKS)
                .filteredOn(receipt -> receipt.amount().isPositive())
                .extracting(ExpectedReceipt::date, receipt -> receipt.amount().toString())
                .containsExactly(tuple(LocalDate.of(2026, 4, 1), "138.00 EUR"), tuple(LocalDate.of(2026, 4, 1), "119.00 USD"),
                        tuple(LocalDate.of(2026, 4, 29), "119.00 EUR"));
        assertThat(forecast.later()).isEmpty();
    }

    /*
     * Delays that fall exactly on a half day round half away from zero, on every database as in Java's HALF_UP: Delta
     * paid two 119.00 invoices due 01-31 on 02-02 and 02-03, 2.5 days late, so 3 (half to even would say 2); Epsilon
     * paid two on 01-29 and 01-28, 2.5 days early, so -3 (Math.round would say -2). Their open invoices, due 04-04 and
     * 04-19, are expected on 04-07 and 04-16.
     */
    @Test
    void aDelayOfExactlyHalfADayRoundsAwayFromZero() {
        UUID delta = customer("Delta BV", "EUR", null, "RETAIL", "NL");
        UUID epsilon = customer("Epsilon Oy", "EUR", null, "RETAIL", "FI");
        LocalDate newYear = LocalDate.of(2026, 1, 1);
        pay("delta-1", delta, issued("SO-D1", delta, "EUR", null, newYear, line("P1", "100")), "119.00",
                LocalDate.of(2026, 2, 2));
        pay("delta-2", delta, issued("SO-D2", delta, "EUR", null, newYear, line("P1", "100")), "119.00",
                LocalDate.of(2026, 2, 3));
        issued("SO-D3", delta, "EUR", null, LocalDate.of(2026, 3, 5), line("P1", "100"));
        pay("epsilon-1", epsilon, issued("SO-E1", epsilon, "EUR", null, newYear, line("P1", "100")), "119.00",
                LocalDate.of(2026, 1, 29));
        pay("epsilon-2", epsilon, issued("SO-E2", epsilon, "EUR", null, newYear, line("P1", "100")), "119.00",
                LocalDate.of(2026, 1, 28));
        issued("SO-E3", epsilon, "EUR", null, LocalDate.of(2026, 3, 20), line("P1", "100"));

        assertThat(forecasts.forecast(TENANT, END_OF_MARCH).days())
                .extracting(ExpectedReceipt::date, receipt -> receipt.amount().toString())
                .contains(tuple(LocalDate.of(2026, 4, 7), "119.00 EUR"), tuple(LocalDate.of(2026, 4, 16), "119.00 EUR"));
    }

    /*
     * The risk model scored INV3 on 03-30 to be paid on 04-10: expected then, not on 05-05. A prediction scored after
     * the forecast's day was not known on it: as of 03-27 INV3 is still expected by Alpha's delay (05-05).
     */
    @Test
    void theCashForecastTakesTheRiskModelsPredictedPaymentDateWhereItWasKnown() {
        database.inTransaction(TENANT, session -> session.createNativeMutationQuery("insert into risk_installment"
                        + " (tenant_id, installment_id, invoice_id, customer_id, model_version, scored_on,"
                        + " predicted_days_late, predicted_on, probability_over_90) select i.tenant_id, i.id,"
                        + " i.invoice_id, i.customer_id, 1, :scored, -9, :predicted, 0.01 from installment i join invoice v"
                        + " on v.tenant_id = i.tenant_id and v.id = i.invoice_id where i.tenant_id = :tenant"
                        + " and v.order_id = 'SO-3'")
                .setParameter("tenant", TENANT.value()).setParameter("scored", LocalDate.of(2026, 3, 30))
                .setParameter("predicted", LocalDate.of(2026, 4, 10)).executeUpdate());

        assertThat(forecasts.forecast(TENANT, END_OF_MARCH).days())
                .extracting(ExpectedReceipt::date, receipt -> receipt.amount().toString())
                .containsExactly(tuple(LocalDate.of(2026, 4, 1), "138.00 EUR"), tuple(LocalDate.of(2026, 4, 1), "119.00 USD"),
                        tuple(LocalDate.of(2026, 4, 10), "119.00 EUR"));
        assertThat(forecasts.forecast(TENANT, LocalDate.of(2026, 3, 27)).days())
                .extracting(ExpectedReceipt::date, receipt -> receipt.amount().toString())
                .contains(tuple(LocalDate.of(2026, 5, 5), "119.00 EUR"));
    }

    /*
     * As of 03-27: open INV1 138.00 (due 02-09), INV3 119.00 (due 04-19; the 10.00 came and went back), INV4 119.00
     * USD (due 04-01); delays Alpha 16, Gamma 0. Weeks start 03-28, 04-04, 04-11, 04-18, 04-25, 05-02, ...
     * Forecast: 138.00 EUR week 1 (passed, so 03-28), 119.00 EUR week 6 (05-05), 119.00 USD week 1.
     * By due dates: 138.00 EUR week 1, 119.00 EUR week 4 (04-19), 119.00 USD week 1.
     * Received: 119.00 EUR on 05-04 (week 6), 119.00 USD on 04-10 (week 2); INV1's 138.00 never came.
     * Error EUR: forecast |138 - 0| + |119 - 119| = 138.00, by due dates 138 + 119 + 119 = 376.00;
     * USD: both |119 - 0| + |0 - 119| = 238.00.
     */
    @Test
    void theBackTestComparesThePastForecastAndTheDueDatesWithWhatCameIn() {
        ForecastBackTest test = forecasts.backTest(TENANT, LocalDate.of(2026, 3, 27));

        assertThat(test.weeks()).hasSize(2 * CashForecasts.WEEKS)
                .filteredOn(week -> week.forecast().isPositive() || week.byDueDate().isPositive() || week.received().isPositive())
                .extracting(ForecastWeek::weekStart, ForecastWeek::currency, week -> week.forecast().amount().toPlainString(),
                        week -> week.byDueDate().amount().toPlainString(), week -> week.received().amount().toPlainString())
                .containsExactly(
                        tuple(LocalDate.of(2026, 3, 28), "EUR", "138.00", "138.00", "0.00"),
                        tuple(LocalDate.of(2026, 3, 28), "USD", "119.00", "119.00", "0.00"),
                        tuple(LocalDate.of(2026, 4, 4), "USD", "0.00", "0.00", "119.00"),
                        tuple(LocalDate.of(2026, 4, 18), "EUR", "0.00", "119.00", "0.00"),
                        tuple(LocalDate.of(2026, 5, 2), "EUR", "119.00", "0.00", "119.00"));
        assertThat(test.forecastError()).extracting(Money::toString).containsExactly("138.00 EUR", "238.00 USD");
        assertThat(test.byDueDateError()).extracting(Money::toString).containsExactly("376.00 EUR", "238.00 USD");
        // A week must be over before it is compared.
        assertRefused(() -> forecasts.backTest(TENANT, LocalDate.of(2026, 7, 25)), "asOf");
        assertThat(forecasts.backTest(TENANT, LocalDate.of(2026, 7, 20)).weeks()).extracting(ForecastWeek::weekStart)
                .containsOnly(LocalDate.of(2026, 7, 21));
    }

    @Test
    void missingOrOutOfRangeArgumentsAreRefusedNamingTheField() {
        assertRefused(() -> reports.receivables(TENANT, null, ReportDimension.CUSTOMER, null), "asOf");
        assertRefused(() -> reports.receivables(TENANT, END_OF_MARCH, null, null), "dimension");
        assertRefused(() -> reports.receivables(TENANT, END_OF_MARCH, ReportDimension.PRODUCT, List.of(60, 30)), "buckets");
        assertRefused(() -> reports.collections(TENANT, END_OF_MARCH, LocalDate.of(2026, 3, 1), ReportDimension.CUSTOMER),
                "to");
        assertRefused(() -> reports.collections(TENANT, LocalDate.of(2020, 1, 1), END_OF_MARCH, ReportDimension.CUSTOMER),
                "to");
        assertRefused(() -> reports.kpis(TENANT, END_OF_MARCH, 0), "months");
        assertRefused(() -> reports.kpis(TENANT, END_OF_MARCH, 37), "months");
    }

    /** The report's rows as (key, label, currency, bucket amounts, total) with amounts as plain numbers. */
    private List<org.assertj.core.groups.Tuple> rows(ReportDimension dimension) {
        return reports.receivables(TENANT, END_OF_MARCH, dimension, null).rows().stream()
                .map(row -> tuple(row.key(), row.label(), row.currency(),
                        row.buckets().stream().map(money -> money.amount().toPlainString()).toList(),
                        row.total().amount().toPlainString()))
                .toList();
    }

    private UUID customer(String name, String currency, String salesperson, String segment, String country) {
        return customers.create(TENANT, new CustomerRequest(null, name, null, null, currency, null, null,
                new BillingAddress("1 Main Street", null, "10115", "Town", null, country), salesperson, segment, null, null,
                null, null)).id();
    }

    private Invoice issued(String orderId, UUID customer, String currency, String salesperson, LocalDate issueDate,
            OrderLine... lines) {
        Invoice draft = invoices.createFromOrder(TENANT, new SalesOrder(orderId, customer, currency, issueDate, "NET30",
                List.of(lines), salesperson));
        return invoices.issue(TENANT, draft.id(), issueDate);
    }

    private static OrderLine line(String product, String net) {
        return new OrderLine(product, null, BigDecimal.ONE, new BigDecimal(net), null, new BigDecimal("19"));
    }

    private Payment pay(String key, UUID customer, Invoice invoice, String amount, LocalDate valueDate) {
        return payments.record(TENANT, new PaymentRequest(key, customer, "BANK_TRANSFER", Money.of(amount, "EUR"),
                valueDate, null, List.of(new AllocationTarget(invoice.id(), null, null))));
    }
}
