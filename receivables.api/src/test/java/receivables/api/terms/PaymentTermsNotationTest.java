package receivables.api.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static receivables.api.terms.DueDateRule.Basis.END_OF_MONTH;
import static receivables.api.terms.DueDateRule.Basis.INVOICE_DATE;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

class PaymentTermsNotationTest {

    @Test
    void readsEveryForm() {
        assertThat(installments("DUE")).containsExactly(rule("100", INVOICE_DATE, 0));
        assertThat(installments("NET30")).containsExactly(rule("100", INVOICE_DATE, 30));
        assertThat(installments("EOM+30")).containsExactly(rule("100", END_OF_MONTH, 30));
        assertThat(installments("EOM")).containsExactly(rule("100", END_OF_MONTH, 0));
        assertThat(installments("30%@0 40%@30 30%@EOM+60"))
                .containsExactly(rule("30", INVOICE_DATE, 0), rule("40", INVOICE_DATE, 30), rule("30", END_OF_MONTH, 60));
        assertThat(installments("33.5%@0 66.5%@EOM"))
                .containsExactly(rule("33.5", INVOICE_DATE, 0), rule("66.5", END_OF_MONTH, 0));
        assertThat(installments("3x30")).isEqualTo(PaymentTerms.equalInstallments("X", 3, 30).installments());
        assertThat(installments("3x30")).extracting(InstallmentRule::due).containsExactly(
                new DueDateRule(INVOICE_DATE, 30), new DueDateRule(INVOICE_DATE, 60), new DueDateRule(INVOICE_DATE, 90));

        PaymentTerms discounted = parse("2%/10 NET30");
        assertThat(discounted.discount()).isEqualTo(new EarlyPaymentDiscount(new BigDecimal("2"), 10));
        assertThat(discounted.installments()).containsExactly(rule("100", INVOICE_DATE, 30));
        assertThat(parse("NET30").discount()).isNull();
        assertThat(parse("NET30").code()).isEqualTo("TEST");
        assertThat(parse("NET30").name()).isEqualTo("Test");
    }

    @Test
    void keywordsInAnyCaseAndSpacesAnyWidth() {
        assertThat(parse("net30")).isEqualTo(parse("NET30"));
        assertThat(parse("Due")).isEqualTo(parse("DUE"));
        assertThat(parse("eom+30")).isEqualTo(parse("EOM+30"));
        assertThat(parse("3X30")).isEqualTo(parse("3x30"));
        assertThat(parse("  2%/10 \t 30%@eom   70%@Eom+30 ")).isEqualTo(parse("2%/10 30%@EOM 70%@EOM+30"));
    }

    @Test
    void notationReadsBackToTheSameTerms() {
        for (PaymentTerms terms : PaymentTerms.standard()) {
            assertThat(PaymentTerms.parse(terms.code(), terms.name(), terms.notation())).isEqualTo(terms);
        }
        for (String notation : List.of("DUE", "NET14", "EOM", "EOM+30", "3x30", "12x30", "2%/10 NET30", "1.5%/0 DUE",
                "30%@0 40%@30 30%@60", "33.5%@0 66.5%@EOM+30", "50%@0 50%@30", "2%/14 25%@EOM 25%@EOM+30 50%@60")) {
            assertThat(parse(notation).notation()).isEqualTo(notation);
        }
        PaymentTerms thirds = PaymentTerms.equalInstallments("THIRDS", 3, 30);
        assertThat(PaymentTerms.parse(thirds.code(), thirds.name(), thirds.notation())).isEqualTo(thirds);
    }

    @Test
    void writesTheShortestOfEquivalentNotations() {
        assertThat(parse("net30").notation()).isEqualTo("NET30");
        assertThat(parse("NET0").notation()).isEqualTo("DUE");
        assertThat(parse("100%@30").notation()).isEqualTo("NET30");
        assertThat(parse("100.00%@EOM+0").notation()).isEqualTo("EOM");
        assertThat(parse("50%@30 50%@60").notation()).isEqualTo("2x30");
        assertThat(parse("1x30").notation()).isEqualTo("NET30");
        assertThat(parse("2.50%/10 30.0%@0 70%@30").notation()).isEqualTo("2.5%/10 30%@0 70%@30");
    }

    @Test
    void refusesEmptyTerms() {
        for (String empty : new String[] {null, "", "   "}) {
            assertRefused(empty, "is empty; write e.g. DUE, NET30, EOM, EOM+30, 3x30 or 30%@0 70%@30, "
                    + "optionally after a discount such as 2%/10");
        }
    }

    @Test
    void refusesUnknownKeywords() {
        assertRefused("NET3O", "`NET3O` (at character 1) is not understood; write e.g.");
        assertRefused("2%/10 NETT30", "`NETT30` (at character 7) is not understood");
        assertRefused("30%@0 70%30", "`70%30` (at character 7) is not understood");
        assertRefused("EOM30", "`EOM30` (at character 1) is not understood");
        assertRefused("NET", "`NET` (at character 1) is not understood");
        assertRefused("50%@EOM+ 50%@60", "`50%@EOM+` (at character 1) is not understood");
        assertRefused("NET30 NET60", "`NET30` (at character 1) is complete terms of its own and cannot be combined with others");
        assertRefused("30%@0 2%/10 70%@30", "`2%/10` (at character 7) is a discount, which comes once and first");
        assertRefused("2%/10", "has a discount but no terms after it, e.g. 2%/10 NET30");
    }

    @Test
    void refusesBadPercents() {
        assertRefused("0%@0 100%@30", "`0%@0` (at character 1) percent must be greater than 0");
        assertRefused("-10%@0 110%@30", "`-10%@0` (at character 1) percent must be greater than 0");
        assertRefused("33.%@0 67%@30", "`33.%@0` (at character 1) is not understood");
        assertRefused("0%/10 NET30", "`0%/10` (at character 1) percent must be greater than 0 and less than 100");
        assertRefused("100%/10 NET30", "`100%/10` (at character 1) percent must be greater than 0 and less than 100");
    }

    @Test
    void refusesPercentsThatDoNotAddUpToHundred() {
        assertRefused("30%@0 40%@30", "percents add up to 70, not 100");
        assertRefused("30%@0 40%@30 40.5%@60", "percents add up to 110.5, not 100");
        assertRefused("33.33%@0 33.33%@30 33.33%@60", "percents add up to 99.99, not 100");
        assertRefused("50%@30", "percents add up to 50, not 100");
    }

    @Test
    void refusesNegativeOrTooManyDays() {
        assertRefused("NET-5", "`NET-5` (at character 1) days must be between 0 and 3650");
        assertRefused("EOM+-5", "`EOM+-5` (at character 1) days must be between 0 and 3650");
        assertRefused("50%@-10 50%@30", "`50%@-10` (at character 1) days must be between 0 and 3650");
        assertRefused("50%@0 50%@EOM+3651", "`50%@EOM+3651` (at character 7) days must be between 0 and 3650");
        assertRefused("NET99999999999999999999", "`NET99999999999999999999` (at character 1) days must be between 0 and 3650");
        assertRefused("2%/-1 NET30", "`2%/-1` (at character 1) days must be between 0 and 3650");
        assertRefused("0x30", "`0x30` (at character 1) count must be at least 1");
        assertRefused("3x0", "`3x0` (at character 1) intervalDays must be at least 1");
        assertRefused("13x300", "`13x300` (at character 1) intervalDays puts the last installment 3900 days after the "
                + "invoice date, more than 3650");
    }

    @Test
    void refusesDueDatesGoingBackwards() {
        assertRefused("50%@30 50%@10", "`50%@10` (at character 8) can fall due before `50%@30` before it");
        assertRefused("30%@0 40%@EOM+30 30%@50", "`30%@50` (at character 18) can fall due before `40%@EOM+30` before it");
        assertRefused("50%@EOM+30 50%@EOM+29", "`50%@EOM+29` (at character 12) can fall due before `50%@EOM+30` before it");
        assertThat(installments("50%@30 50%@EOM+30")).hasSize(2);
        assertThat(installments("50%@EOM 50%@30")).hasSize(2);
        assertThat(installments("50%@30 50%@30")).hasSize(2);
    }

    @Test
    void leavesCodeAndNameToTheirOwnFields() {
        assertThatThrownBy(() -> PaymentTerms.parse("net 30", null, "NET30"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("code", "name"));
    }

    private static void assertRefused(String notation, String message) {
        assertThatThrownBy(() -> parse(notation)).as(notation)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("terms");
                    assertThat(e.violations().get(0).message()).startsWith(message);
                });
    }

    private static PaymentTerms parse(String notation) {
        return PaymentTerms.parse("TEST", "Test", notation);
    }

    private static List<InstallmentRule> installments(String notation) {
        return parse(notation).installments();
    }

    private static InstallmentRule rule(String percent, DueDateRule.Basis basis, int days) {
        return new InstallmentRule(new BigDecimal(percent), new DueDateRule(basis, days));
    }
}
