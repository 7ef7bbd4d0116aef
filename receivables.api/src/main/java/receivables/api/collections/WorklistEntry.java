package receivables.api.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * A customer on a collector's worklist.
 *
 * @param overdue      what the customer owes past due in one currency
 * @param oldestDays   days past due of its oldest overdue item
 * @param priority     the sum over its overdue items of what is open times days past due, times 1 + its risk score
 *                     / 100 (the tenant's latest risk model's, 0 to 100; 0 without one): the list's order
 * @param nextActionOn the date the latest activity set for the next action, or {@code null}
 */
public record WorklistEntry(UUID customerId, String customerName, String collector, Money overdue, int oldestDays,
        BigDecimal priority, String nextAction, LocalDate nextActionOn) {
}
