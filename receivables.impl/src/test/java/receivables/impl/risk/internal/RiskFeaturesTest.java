package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.risk.RiskFactor;
import receivables.impl.risk.internal.PaymentHistory.Allocation;
import receivables.impl.risk.internal.PaymentHistory.Customer;
import receivables.impl.risk.internal.PaymentHistory.Dispute;
import receivables.impl.risk.internal.PaymentHistory.Installment;
import receivables.impl.risk.internal.PaymentHistory.Notice;

/**
 * The factors as of a day count only what had happened by its end, worked out by hand. One customer, credit limit
 * 1000, in 2026:
 *
 * <pre>
 * A  issued 01-01, due 01-31, 100, paid 02-10 (10 days late)
 * B  issued 02-01, due 03-03, 200, paid 03-01 (2 days early)
 * C  issued 03-01, due 03-31, 300, paid 07-15 (106 days late); disputed 04-05 to 06-01
 *    a dunning notice at level 2 on 05-10
 * </pre>
 */
class RiskFeaturesTest {

    static final Installment A = installment(1, day(1, 1), day(1, 31), "100", day(2, 10));
    static final Installment B = installment(2, day(2, 1), day(3, 3), "200", day(3, 1));
    static final Installment C = installment(3, day(3, 1), day(3, 31), "300", day(7, 15));
    static final Customer CUSTOMER = new Customer(new UUID(0, 9), new BigDecimal("1000"), List.of(A, B, C),
            List.of(new Dispute(C.invoiceId(), day(4, 5), day(6, 1))), List.of(new Notice(day(5, 10), 2)));
    static final PaymentHistory HISTORY = new PaymentHistory(List.of(CUSTOMER));

    /**
     * On 04-01: A and B settled, (100 x 10 + 200 x -2) / 300 = 2.0 on average, (10 - 2) / 2 = 4.0 recently; one of
     * two late; nothing due 90 days yet; C's 300 open against 1000; the dispute and the notice still to come; 90 days
     * since 01-01; C is ln(300 / 150) its usual size and one day past due.
     */
    @Test
    void onTheFirstOfAprilTheDisputeTheNoticeAndCsPaymentAreStillToCome() {
        double[] x = RiskFeatures.of(HISTORY, CUSTOMER, C, day(4, 1));

        assertThat(x[RiskFactor.DAYS_BEYOND_TERMS.ordinal()]).isCloseTo(2.0, within(1e-9));
        assertThat(x[RiskFactor.RECENT_DAYS_BEYOND_TERMS.ordinal()]).isCloseTo(4.0, within(1e-9));
        assertThat(x[RiskFactor.DELAY_TREND.ordinal()]).isCloseTo(2.0, within(1e-9));
        assertThat(x[RiskFactor.SHARE_PAID_LATE.ordinal()]).isEqualTo(0.5);
        assertThat(x[RiskFactor.SHARE_OVER_90_DAYS.ordinal()]).isZero();
        assertThat(x[RiskFactor.CREDIT_UTILISATION.ordinal()]).isCloseTo(0.3, within(1e-9));
        assertThat(x[RiskFactor.DISPUTES.ordinal()]).isZero();
        assertThat(x[RiskFactor.INVOICE_DISPUTED.ordinal()]).isZero();
        assertThat(x[RiskFactor.DUNNING_LEVEL.ordinal()]).isZero();
        assertThat(x[RiskFactor.RELATIONSHIP_DAYS.ordinal()]).isEqualTo(90);
        assertThat(x[RiskFactor.INVOICE_SIZE.ordinal()]).isCloseTo(Math.log(2), within(1e-9));
        assertThat(x[RiskFactor.OLDEST_OVERDUE_DAYS.ordinal()]).isZero();
        assertThat(x[RiskFactor.DAYS_OVERDUE.ordinal()]).isEqualTo(1);
        assertThat(C.daysLate(day(4, 1))).isNull();
        assertThat(C.over90(day(4, 1))).isNull();
    }

    /**
     * On 07-01: A (due + 90 = 05-01) and B (06-01) settled in time, C (06-29) open: one in three over 90; the
     * dispute opened (and resolved on 06-01), the level 2 notice within 180 days; C 92 days past due.
     */
    @Test
    void onTheFirstOfJulyCIsOver90AndItsDisputeAndNoticeCount() {
        double[] x = RiskFeatures.of(HISTORY, CUSTOMER, C, day(7, 1));

        assertThat(x[RiskFactor.SHARE_OVER_90_DAYS.ordinal()]).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(x[RiskFactor.DISPUTES.ordinal()]).isEqualTo(1);
        assertThat(x[RiskFactor.INVOICE_DISPUTED.ordinal()]).as("resolved on 06-01").isZero();
        assertThat(x[RiskFactor.DUNNING_LEVEL.ordinal()]).isEqualTo(2);
        assertThat(x[RiskFactor.DAYS_OVERDUE.ordinal()]).isEqualTo(92);
        assertThat(RiskFeatures.of(HISTORY, CUSTOMER, C, day(5, 1))[RiskFactor.INVOICE_DISPUTED.ordinal()]).isEqualTo(1);
        assertThat(C.over90(day(7, 1))).isTrue();
        assertThat(C.daysLate(day(7, 14))).isNull();
        assertThat(C.daysLate(day(8, 1))).isEqualTo(106);
        assertThat(B.over90(day(3, 2))).as("settled before it was due").isFalse();
    }

    private static Installment installment(int number, LocalDate issued, LocalDate due, String amount,
            LocalDate paid) {
        return new Installment(new UUID(1, number), new UUID(2, number), 1, new UUID(0, 9), issued, due,
                new BigDecimal(amount), List.of(new Allocation(paid, new BigDecimal(amount), false)));
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }
}
