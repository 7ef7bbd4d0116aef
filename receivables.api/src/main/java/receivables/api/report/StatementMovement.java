package receivables.api.report;

import java.time.LocalDate;

import receivables.api.money.Money;

/**
 * One line of a customer statement: an issued invoice (a debit of its gross amount) or a payment received
 * (a credit of its full amount, allocated or not).
 *
 * @param kind      {@link #INVOICE}, {@link #CREDIT_NOTE}, {@link #PAYMENT}, {@link #WRITE_OFF} or
 *                  {@link #PAYMENT_REVERSED}
 * @param reference the invoice number or the payment id
 * @param debit     what the customer came to owe; zero for a payment
 * @param credit    what the customer paid; zero for an invoice
 * @param balance   what the customer owes after this line, negative when the customer is in credit
 */
public record StatementMovement(LocalDate date, String kind, String reference, Money debit, Money credit,
        Money balance) {

    public static final String INVOICE = "INVOICE";
    public static final String PAYMENT = "PAYMENT";
    public static final String CREDIT_NOTE = "CREDIT_NOTE";
    public static final String WRITE_OFF = "WRITE_OFF";
    /** A payment whose money went back: owed again, a debit. */
    public static final String PAYMENT_REVERSED = "PAYMENT_REVERSED";
}
