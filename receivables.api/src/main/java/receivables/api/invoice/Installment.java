package receivables.api.invoice;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One due part of an issued invoice.
 *
 * @param sequence       1-based
 * @param dueDate        when it is due
 * @param amount         what is due
 * @param open           what is still owed
 * @param discountUntil  last day an early-payment discount is earned, or {@code null}
 * @param discountAmount the discount earned by paying in time, or {@code null}
 */
public record Installment(int sequence, LocalDate dueDate, Money amount, Money open, LocalDate discountUntil,
        Money discountAmount) {
}
