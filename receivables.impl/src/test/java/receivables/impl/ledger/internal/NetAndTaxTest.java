package receivables.impl.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;

class NetAndTaxTest {

    private static final NetAndTax INVOICE = new NetAndTax(eur("1.00"), eur("0.19"));

    @Test
    void aCreditReversesTaxInTheInvoicesTaxToGrossRatioRoundedHalfUp() {
        NetAndTax credit = NetAndTax.ofCredit(eur("0.50"), INVOICE, nothing());

        // 0.50 × 0.19 / 1.19 = 0.0798
        assertThat(credit).isEqualTo(new NetAndTax(eur("0.42"), eur("0.08")));
    }

    @Test
    void creditsThatRoundTaxUpStopTakingTaxWhenItIsAllCreditedAndStillAddUpExactly() {
        // 0.05 × 0.19 / 1.19 = 0.00798, rounded up to 0.01 each time: 23 such credits would reverse 0.23 of 0.19.
        assertThat(creditInSteps(eur("0.05"))).isEqualTo(INVOICE);
    }

    @Test
    void creditsThatRoundTaxDownLeaveTheTaxToTheLastAndStillAddUpExactly() {
        // 0.03 × 0.19 / 1.19 = 0.00479, rounded down to 0.00 each time: net alone would run out first.
        assertThat(creditInSteps(eur("0.03"))).isEqualTo(INVOICE);
    }

    @Test
    void aCreditBeyondWhatIsLeftIsAMistake() {
        assertThatThrownBy(() -> NetAndTax.ofCredit(eur("0.20"), INVOICE, new NetAndTax(eur("1.00"), eur("0.00"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Credits the whole invoice {@code step} by {@code step}, checking every credit, and returns the sum. */
    private static NetAndTax creditInSteps(Money step) {
        NetAndTax credited = nothing();
        while (credited.gross().compareTo(INVOICE.gross()) < 0) {
            Money amount = step.min(INVOICE.gross().minus(credited.gross()));
            NetAndTax credit = NetAndTax.ofCredit(amount, INVOICE, credited);
            assertThat(credit.gross()).isEqualTo(amount);
            assertThat(credit.net().isNegative() || credit.tax().isNegative()).isFalse();
            credited = new NetAndTax(credited.net().plus(credit.net()), credited.tax().plus(credit.tax()));
            assertThat(credited.net()).isLessThanOrEqualTo(INVOICE.net());
            assertThat(credited.tax()).isLessThanOrEqualTo(INVOICE.tax());
        }
        return credited;
    }

    private static NetAndTax nothing() {
        return new NetAndTax(eur("0.00"), eur("0.00"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
