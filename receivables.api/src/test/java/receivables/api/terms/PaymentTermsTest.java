package receivables.api.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static receivables.api.terms.DueDateRule.Basis.END_OF_MONTH;
import static receivables.api.terms.DueDateRule.Basis.INVOICE_DATE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.money.Money;

class PaymentTermsTest {

    private static final LocalDate MARCH_15 = LocalDate.of(2025, 3, 15);

    @Test
    void net30PutsTheWholeTotalThirtyDaysOut() {
        assertThat(terms("NET30").schedule(Money.of("100.00", "EUR"), MARCH_15))
                .containsExactly(new ScheduledInstallment(1, LocalDate.of(2025, 4, 14), Money.of("100.00", "EUR"), null, null));
    }

    @Test
    void equalInstallmentsSplitIntoEqualPartsWithTheRemainderLast() {
        PaymentTerms thirds = PaymentTerms.equalInstallments("3X30", 3, 30);

        assertThat(thirds.schedule(Money.of("100.00", "EUR"), LocalDate.of(2025, 1, 10))).containsExactly(
                new ScheduledInstallment(1, LocalDate.of(2025, 2, 9), Money.of("33.33", "EUR"), null, null),
                new ScheduledInstallment(2, LocalDate.of(2025, 3, 11), Money.of("33.33", "EUR"), null, null),
                new ScheduledInstallment(3, LocalDate.of(2025, 4, 10), Money.of("33.34", "EUR"), null, null));
        assertThat(amounts(thirds.schedule(Money.of("1000.00", "EUR"), MARCH_15)))
                .containsExactly(Money.of("333.33", "EUR"), Money.of("333.33", "EUR"), Money.of("333.34", "EUR"));
        assertThat(thirds.name()).isEqualTo("3 equal installments every 30 days");
        assertThat(thirds.notation()).isEqualTo("3x30");
        assertThat(thirds.discount()).isNull();
    }

    @Test
    void equalInstallmentsRefuseNoInstallmentsNoIntervalAndMoreThanTenYears() {
        assertThatThrownBy(() -> PaymentTerms.equalInstallments("X", 0, 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(FieldViolation.of("count", "must be at least 1"),
                                FieldViolation.of("intervalDays", "must be at least 1")));
        assertThatThrownBy(() -> PaymentTerms.equalInstallments("X", 13, 300))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(FieldViolation.of("intervalDays",
                                "puts the last installment 3900 days after the invoice date, more than 3650")));
        assertThat(PaymentTerms.equalInstallments("X", 3650, 1).installments()).hasSize(3650);
    }

    @Test
    void planOfThirtyFortyThirty() {
        assertThat(terms("30%@0 40%@30 30%@60").schedule(Money.of("99.99", "EUR"), MARCH_15)).containsExactly(
                new ScheduledInstallment(1, LocalDate.of(2025, 3, 15), Money.of("30.00", "EUR"), null, null),
                new ScheduledInstallment(2, LocalDate.of(2025, 4, 14), Money.of("40.00", "EUR"), null, null),
                new ScheduledInstallment(3, LocalDate.of(2025, 5, 14), Money.of("29.99", "EUR"), null, null));
    }

    @Test
    void sharesAreRoundedHalfUpAndTheLastTakesTheRemainder() {
        assertThat(amounts(terms("30%@0 40%@30 30%@60").schedule(Money.of("311.59", "EUR"), MARCH_15)))
                .containsExactly(Money.of("93.48", "EUR"), Money.of("124.64", "EUR"), Money.of("93.47", "EUR"));
    }

    @Test
    void keepsTheScaleOfCurrenciesWithoutAndWithThreeDecimals() {
        assertThat(amounts(terms("NET30").schedule(Money.of("10001", "JPY"), MARCH_15)))
                .containsExactly(Money.of("10001", "JPY"));
        assertThat(amounts(terms("30%@0 40%@30 30%@60").schedule(Money.of("10001", "JPY"), MARCH_15)))
                .containsExactly(Money.of("3000", "JPY"), Money.of("4000", "JPY"), Money.of("3001", "JPY"));
        assertThat(amounts(terms("3x30").schedule(Money.of("100", "JPY"), MARCH_15)))
                .containsExactly(Money.of("33", "JPY"), Money.of("33", "JPY"), Money.of("34", "JPY"));

        assertThat(amounts(terms("3x30").schedule(Money.of("10.000", "KWD"), MARCH_15)))
                .containsExactly(Money.of("3.333", "KWD"), Money.of("3.333", "KWD"), Money.of("3.334", "KWD"));
        assertThat(amounts(terms("30%@0 40%@30 30%@60").schedule(Money.of("1.001", "KWD"), MARCH_15)))
                .containsExactly(Money.of("0.300", "KWD"), Money.of("0.400", "KWD"), Money.of("0.301", "KWD"));
        assertThat(terms("2%/10 3x30").schedule(Money.of("10.000", "KWD"), MARCH_15))
                .extracting(ScheduledInstallment::discountAmount)
                .containsExactly(Money.of("0.067", "KWD"), Money.of("0.067", "KWD"), Money.of("0.067", "KWD"));
    }

    @Test
    void endOfMonthAcrossFebruary() {
        assertThat(terms("EOM+30").schedule(Money.of("100.00", "EUR"), LocalDate.of(2028, 2, 10)))
                .extracting(ScheduledInstallment::dueDate).containsExactly(LocalDate.of(2028, 3, 30));
        assertThat(terms("EOM+30").schedule(Money.of("100.00", "EUR"), LocalDate.of(2028, 1, 31)))
                .extracting(ScheduledInstallment::dueDate).containsExactly(LocalDate.of(2028, 3, 1));
        assertThat(terms("EOM+30").schedule(Money.of("100.00", "EUR"), LocalDate.of(2027, 1, 31)))
                .extracting(ScheduledInstallment::dueDate).containsExactly(LocalDate.of(2027, 3, 2));
        assertThat(terms("EOM").schedule(Money.of("100.00", "EUR"), LocalDate.of(2028, 2, 10)))
                .extracting(ScheduledInstallment::dueDate).containsExactly(LocalDate.of(2028, 2, 29));
    }

    @Test
    void twoPercentWithinTenDaysNetThirty() {
        PaymentTerms terms = standard("2-10-NET30");

        assertThat(terms.schedule(Money.of("100.00", "EUR"), MARCH_15)).containsExactly(new ScheduledInstallment(1,
                LocalDate.of(2025, 4, 14), Money.of("100.00", "EUR"), LocalDate.of(2025, 3, 25), Money.of("2.00", "EUR")));
        assertThat(terms.schedule(Money.of("10.25", "EUR"), MARCH_15))
                .extracting(ScheduledInstallment::discountAmount).containsExactly(Money.of("0.21", "EUR"));
        assertThat(terms("2%/10 30%@0 70%@30").schedule(Money.of("99.99", "EUR"), MARCH_15)).containsExactly(
                new ScheduledInstallment(1, LocalDate.of(2025, 3, 15), Money.of("30.00", "EUR"), LocalDate.of(2025, 3, 25),
                        Money.of("0.60", "EUR")),
                new ScheduledInstallment(2, LocalDate.of(2025, 4, 14), Money.of("69.99", "EUR"), LocalDate.of(2025, 3, 25),
                        Money.of("1.40", "EUR")));
    }

    @Test
    void standardTerms() {
        assertThat(PaymentTerms.standard()).extracting(PaymentTerms::code)
                .containsExactly("DUE", "NET14", "NET30", "NET60", "EOM30", "2-10-NET30");
        assertThat(PaymentTerms.standard()).extracting(PaymentTerms::notation)
                .containsExactly("DUE", "NET14", "NET30", "NET60", "EOM+30", "2%/10 NET30");
        assertThat(standard("NET14").installments())
                .containsExactly(new InstallmentRule(new BigDecimal("100"), new DueDateRule(INVOICE_DATE, 14)));
        assertThat(standard("EOM30").installments())
                .containsExactly(new InstallmentRule(new BigDecimal("100"), new DueDateRule(END_OF_MONTH, 30)));
        assertThat(standard("2-10-NET30").discount()).isEqualTo(new EarlyPaymentDiscount(new BigDecimal("2"), 10));
        assertThat(PaymentTerms.standard()).allSatisfy(terms -> assertThat(terms.name()).isNotBlank());
    }

    @Test
    void refusesTotalsThatAreNotPositive() {
        PaymentTerms net30 = terms("NET30");

        for (Money total : List.of(Money.zero("EUR"), Money.of("-0.01", "EUR"))) {
            assertThatThrownBy(() -> net30.schedule(total, MARCH_15))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                            .containsExactly(FieldViolation.of("total", "must be greater than 0")));
        }
        assertThatThrownBy(() -> net30.schedule(null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("total", "invoiceDate"));
    }

    @Test
    void namesTheFieldsItRefuses() {
        InstallmentRule all = new InstallmentRule(new BigDecimal("100"), new DueDateRule(INVOICE_DATE, 30));

        assertThat(violations("net30", "Net", List.of(all))).containsExactly(
                FieldViolation.of("code", "must be 1 to 32 characters A-Z, 0-9, _ or -"));
        assertThat(violations("A".repeat(33), " ", List.of())).containsExactly(
                FieldViolation.of("code", "must be 1 to 32 characters A-Z, 0-9, _ or -"),
                FieldViolation.of("name", "is required"),
                FieldViolation.of("installments", "must name at least one installment"));
        assertThat(violations("A_B-1", "N".repeat(201), null)).containsExactly(
                FieldViolation.of("name", "must be at most 200 characters"),
                FieldViolation.of("installments", "must name at least one installment"));
        assertThat(violations("X", "X", Arrays.asList(all, null))).containsExactly(
                FieldViolation.of("installments[1]", "is required"));
        assertThat(violations("X", "X", List.of(rule("30", INVOICE_DATE, 0), rule("60", INVOICE_DATE, 30)))).containsExactly(
                FieldViolation.of("installments", "percents add up to 90, not 100"));
        assertThat(violations("X", "X", List.of(rule("50", INVOICE_DATE, 30), rule("50", INVOICE_DATE, 29)))).containsExactly(
                FieldViolation.of("installments[1].due", "can fall due before installments[0]"));
        assertThat(violations("X", "X", List.of(rule("50", END_OF_MONTH, 0), rule("50", INVOICE_DATE, 29)))).containsExactly(
                FieldViolation.of("installments[1].due", "can fall due before installments[0]"));
        assertThatThrownBy(() -> rule("0", INVOICE_DATE, 0))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(FieldViolation.of("percent", "must be greater than 0")));
    }

    @Test
    void acceptsPercentsInAnyScale() {
        PaymentTerms terms = new PaymentTerms("TEST", "Test", List.of(rule("30.00", INVOICE_DATE, 0), rule("70.0", INVOICE_DATE, 30)), null);

        assertThat(terms).isEqualTo(terms("30%@0 70%@30"));
        assertThat(terms.notation()).isEqualTo("30%@0 70%@30");
        assertThat(new InstallmentRule(new BigDecimal("1E+2"), new DueDateRule(INVOICE_DATE, 0)).percent()).hasToString("100");
    }

    @Test
    void copiesTheInstallments() {
        List<InstallmentRule> installments = new ArrayList<>(List.of(rule("100", INVOICE_DATE, 0)));
        PaymentTerms terms = new PaymentTerms("X", "X", installments, null);
        installments.clear();

        assertThat(terms.installments()).hasSize(1);
    }

    /** Whatever the plan, currency and total, the installments add up to the total to the last cent. */
    @Test
    void scheduleAlwaysAddsUpExactlyToTheTotal() {
        Random random = new Random(20250315L);
        String[] currencies = {"EUR", "JPY", "KWD", "USD", "CHF", "BHD", "CLP"};
        for (int run = 0; run < 5000; run++) {
            PaymentTerms terms = randomTerms(random);
            String currency = currencies[random.nextInt(currencies.length)];
            BigInteger units = BigInteger.valueOf(1 + (random.nextBoolean() ? random.nextInt(1000) : random.nextLong(1L << 50)));
            Money total = Money.of(new BigDecimal(units, Money.scaleOf(currency)), currency);
            LocalDate invoiceDate = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3 * 366));

            List<ScheduledInstallment> schedule = terms.schedule(total, invoiceDate);

            String what = terms.notation() + " on " + total + " of " + invoiceDate;
            assertThat(amounts(schedule).stream().reduce(Money.zero(currency), Money::plus)).as(what).isEqualTo(total);
            assertThat(schedule).as(what).hasSameSizeAs(terms.installments())
                    .allSatisfy(installment -> assertThat(installment.amount().isNegative()).isFalse());
            assertThat(schedule).extracting(ScheduledInstallment::sequence).as(what)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, schedule.size()).boxed().toList());
            assertThat(schedule).extracting(ScheduledInstallment::dueDate).as(what).isSorted();
            if (terms.discount() != null) {
                assertThat(schedule).as(what).allSatisfy(installment -> {
                    assertThat(installment.discountUntil()).isEqualTo(invoiceDate.plusDays(terms.discount().days()));
                    assertThat(installment.discountAmount()).isLessThanOrEqualTo(installment.amount());
                });
            }
            assertThat(PaymentTerms.parse(terms.code(), terms.name(), terms.notation())).as(what).isEqualTo(terms);
        }
    }

    /** Equal installments, or percents in hundredths with due dates that never go backwards, with or without a discount. */
    private static PaymentTerms randomTerms(Random random) {
        EarlyPaymentDiscount discount = random.nextBoolean() ? null
                : new EarlyPaymentDiscount(BigDecimal.valueOf(1 + random.nextInt(999), 1), random.nextInt(31));
        if (random.nextInt(4) == 0) {
            PaymentTerms equal = PaymentTerms.equalInstallments("EQUAL", 1 + random.nextInt(12), 1 + random.nextInt(90));
            return new PaymentTerms(equal.code(), equal.name(), equal.installments(), discount);
        }
        int count = 1 + random.nextInt(6);
        List<Integer> cuts = random.ints(1, 10_000).distinct().limit(count - 1).sorted().boxed().toList();
        List<InstallmentRule> installments = new ArrayList<>();
        int previousCut = 0;
        DueDateRule previousDue = new DueDateRule(INVOICE_DATE, 0);
        for (int i = 0; i < count; i++) {
            int cut = i < cuts.size() ? cuts.get(i) : 10_000;
            DueDateRule due = random.nextBoolean()
                    ? new DueDateRule(END_OF_MONTH, previousDue.days() + random.nextInt(31))
                    : new DueDateRule(INVOICE_DATE, previousDue.days() + (previousDue.basis() == END_OF_MONTH ? 30 : 0) + random.nextInt(31));
            installments.add(new InstallmentRule(BigDecimal.valueOf(cut - previousCut, 2), due));
            previousCut = cut;
            previousDue = due;
        }
        return new PaymentTerms("PLAN", "A plan", installments, discount);
    }

    private static List<FieldViolation> violations(String code, String name, List<InstallmentRule> installments) {
        try {
            new PaymentTerms(code, name, installments, null);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("accepted " + installments);
    }

    private static InstallmentRule rule(String percent, DueDateRule.Basis basis, int days) {
        return new InstallmentRule(new BigDecimal(percent), new DueDateRule(basis, days));
    }

    private static PaymentTerms terms(String notation) {
        return PaymentTerms.parse("TEST", "Test", notation);
    }

    private static PaymentTerms standard(String code) {
        return PaymentTerms.standard().stream().filter(terms -> terms.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<Money> amounts(List<ScheduledInstallment> schedule) {
        return schedule.stream().map(ScheduledInstallment::amount).toList();
    }
}
