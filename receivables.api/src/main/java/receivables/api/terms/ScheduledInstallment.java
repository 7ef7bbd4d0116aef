package receivables.api.terms;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One installment of a particular invoice, as {@link PaymentTerms#schedule} works it out.
 *
 * @param sequence       1 for the first installment
 * @param dueDate        the day by which it is to be paid
 * @param amount         its part of the invoice total; the parts of an invoice add up exactly to the total
 * @param discountUntil  the last day on which paying it earns the early-payment discount; {@code null}
 *                       when the terms give none
 * @param discountAmount what paying by {@code discountUntil} takes off {@code amount}; {@code null} when
 *                       the terms give no discount
 */
public record ScheduledInstallment(int sequence, LocalDate dueDate, Money amount, LocalDate discountUntil,
        Money discountAmount) {
}
