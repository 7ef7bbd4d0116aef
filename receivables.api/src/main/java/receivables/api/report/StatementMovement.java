package receivables.api.report;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One line of a customer statement: every movement of the customer's account in one currency. Invoices, refunds
 * and reversed payments are debits (the customer owes more, or has less credit); payments, credit notes,
 * early-payment discounts and write-offs are credits. Taking an allocation back or applying credit later moves
 * money between invoices and credit and is no movement of the account.
 *
 * @param kind      {@link #INVOICE}, {@link #CREDIT_NOTE}, {@link #PAYMENT}, {@link #CASH_DISCOUNT},
 *                  {@link #WRITE_OFF}, {@link #REFUND} or {@link #PAYMENT_REVERSED}
 * @param reference the invoice number (of the invoice, or of the invoice a discount or write-off is about), the
 *                  credit note number, or the payment's number
 * @param debit     what the customer came to owe; zero for a credit
 * @param credit    what the customer paid or was let off; zero for a debit
 * @param balance   what the customer owes after this line, negative when the customer is in credit
 */
public record StatementMovement(LocalDate date, String kind, String reference, Money debit, Money credit,
        Money balance) {

    public static final String INVOICE = "INVOICE";
    public static final String PAYMENT = "PAYMENT";
    public static final String CREDIT_NOTE = "CREDIT_NOTE";
    public static final String WRITE_OFF = "WRITE_OFF";
    /** The early-payment discount a payment inside the terms' window earned. */
    public static final String CASH_DISCOUNT = "CASH_DISCOUNT";
    /** Money paid back to the customer out of a payment: a debit. */
    public static final String REFUND = "REFUND";
    /** A payment whose money went back: what refunds left of it is owed again, a debit. */
    public static final String PAYMENT_REVERSED = "PAYMENT_REVERSED";
}
