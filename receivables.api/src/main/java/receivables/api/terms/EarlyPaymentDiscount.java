package receivables.api.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.money.Money;

/**
 * What a customer may take off for paying early, e.g. 2 % when paid within 10 days.
 *
 * @param percent of each installment's amount, greater than 0 and less than 100; kept without trailing zeros
 * @param days    the discount is earned when paid within this many days of the invoice date, 0 (on the
 *                invoice date only) to {@link DueDateRule#MAX_DAYS}
 */
public record EarlyPaymentDiscount(BigDecimal percent, int days) {

    public EarlyPaymentDiscount {
        List<FieldViolation> violations = new ArrayList<>();
        if (percent == null) {
            violations.add(FieldViolation.of("percent", "is required"));
        } else if (percent.signum() <= 0 || percent.compareTo(Percents.HUNDRED) >= 0) {
            violations.add(FieldViolation.of("percent", "must be greater than 0 and less than 100"));
        }
        if (days < 0 || days > DueDateRule.MAX_DAYS) {
            violations.add(FieldViolation.of("days", "must be between 0 and " + DueDateRule.MAX_DAYS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        percent = Percents.normalized(percent);
    }

    /** The last day on which paying an invoice dated {@code invoiceDate} still earns the discount. */
    public LocalDate until(LocalDate invoiceDate) {
        return invoiceDate.plusDays(days);
    }

    /** The discount on {@code amount}, rounded half-up to the currency's scale. */
    public Money amountOn(Money amount) {
        return amount.times(percent.movePointLeft(2));
    }
}
