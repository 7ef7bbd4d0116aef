package receivables.api.report;

import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * One installment of an issued invoice that was still open on a day.
 *
 * @param installment    1-based sequence of the installment within its invoice
 * @param amount         what the installment was for
 * @param open           what was still owed of it that day
 * @param daysOverdue    days past its due date that day; 0 when not yet due
 * @param discountUntil  the last day of its early-payment discount when that day is still to come (or is the day)
 *                       and the discount was not yet taken; otherwise {@code null}
 * @param discountAmount what paying by {@code discountUntil} takes off what is open; {@code null} with it
 */
public record OpenItem(UUID invoiceId, String invoiceNumber, int installment, LocalDate issueDate, LocalDate dueDate,
        Money amount, Money open, int daysOverdue, LocalDate discountUntil, Money discountAmount) {

    /** An open item that offers no early-payment discount. */
    public OpenItem(UUID invoiceId, String invoiceNumber, int installment, LocalDate issueDate, LocalDate dueDate,
            Money amount, Money open, int daysOverdue) {
        this(invoiceId, invoiceNumber, installment, issueDate, dueDate, amount, open, daysOverdue, null, null);
    }
}
