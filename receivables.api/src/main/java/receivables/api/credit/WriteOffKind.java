package receivables.api.credit;

/**
 * Why an amount was written off: a small difference a payment left within the tenant's tolerance, posted to
 * write-off expense, or a debt the customer will not pay, posted to bad-debt expense.
 */
public enum WriteOffKind {
    SMALL_DIFFERENCE, BAD_DEBT
}
