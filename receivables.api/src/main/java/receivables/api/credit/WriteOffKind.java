package receivables.api.credit;

/**
 * Why an amount was written off: a small difference a payment left within the tenant's tolerance, posted to
 * write-off expense, a debt the customer will not pay, posted to bad-debt expense, or the early-payment
 * discount a payment inside the terms' window earned, posted to cash-discount expense.
 */
public enum WriteOffKind {
    SMALL_DIFFERENCE, BAD_DEBT, CASH_DISCOUNT
}
