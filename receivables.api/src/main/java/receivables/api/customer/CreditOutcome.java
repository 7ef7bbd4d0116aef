package receivables.api.customer;

/**
 * The verdict of a credit check. BLOCK stops invoicing where the tenant's policy says so; otherwise it
 * is reported like WARN.
 */
public enum CreditOutcome {
    PASS, WARN, BLOCK
}
