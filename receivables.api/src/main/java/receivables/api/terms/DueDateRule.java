package receivables.api.terms;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

/**
 * When a part of an invoice falls due, counted in calendar days from the invoice date or from the
 * end of its month.
 *
 * @param basis where counting starts
 * @param days  days added to the basis, 0 to {@link #MAX_DAYS}
 */
public record DueDateRule(Basis basis, int days) {

    /** Ten years: anything longer is a typing error rather than an agreement with a customer. */
    public static final int MAX_DAYS = 3650;

    /** From the 1st of a 31-day month to its last day: the most END_OF_MONTH can add to an invoice date. */
    private static final int LONGEST_REST_OF_MONTH = 30;

    /** Where counting the days starts. */
    public enum Basis {
        /** The invoice date itself. */
        INVOICE_DATE,
        /** The last day of the invoice date's month, so that all invoices of a month fall due together. */
        END_OF_MONTH
    }

    public DueDateRule {
        List<FieldViolation> violations = new ArrayList<>();
        if (basis == null) {
            violations.add(FieldViolation.of("basis", "is required"));
        }
        if (days < 0 || days > MAX_DAYS) {
            violations.add(FieldViolation.of("days", "must be between 0 and " + MAX_DAYS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /** The due date of an invoice dated {@code invoiceDate}. */
    public LocalDate dueDate(LocalDate invoiceDate) {
        LocalDate start = basis == Basis.END_OF_MONTH ? invoiceDate.with(TemporalAdjusters.lastDayOfMonth()) : invoiceDate;
        return start.plusDays(days);
    }

    /**
     * Whether this rule falls due no earlier than {@code earlier} whatever the invoice date. Across
     * bases it depends on how much of the month is left: invoices dated on the last day of a month
     * and on the 1st of a 31-day month are the two extremes.
     */
    boolean neverBefore(DueDateRule earlier) {
        if (basis == earlier.basis || basis == Basis.END_OF_MONTH) {
            return days >= earlier.days;
        }
        return days >= earlier.days + LONGEST_REST_OF_MONTH;
    }
}
