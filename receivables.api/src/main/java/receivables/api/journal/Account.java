package receivables.api.journal;

/**
 * The ledger accounts receivables posts to, by name; a {@link receivables.api.host.JournalSink} or the
 * general-ledger export maps each to an account of the host's chart. {@link JournalEntryKind} says which kinds
 * move which accounts.
 */
public enum Account {
    /** What customers owe on issued invoices (an asset). */
    RECEIVABLE,
    /** Net sales of issued invoices. */
    REVENUE,
    /** Tax invoiced to customers and owed to the tax authority (a liability). */
    TAX_PAYABLE,
    /** Money received, in the bank or at a payment provider. */
    CASH,
    /** Money received and not yet allocated to an invoice: owed back to the customer or kept for later invoices (a liability). */
    CUSTOMER_CREDIT,
    /** Realized exchange gain when a payment in another currency settles an invoice. */
    FX_GAIN,
    /** Realized exchange loss when a payment in another currency settles an invoice. */
    FX_LOSS,
    /** Small differences written off within the tenant's tolerance. */
    WRITE_OFF_EXPENSE,
    /** Receivables written off as uncollectible. */
    BAD_DEBT_EXPENSE,
    /** What open receivables in other currencies gained at a period end's rate; reversed the next day. */
    FX_UNREALIZED_GAIN,
    /** What open receivables in other currencies lost at a period end's rate; reversed the next day. */
    FX_UNREALIZED_LOSS,
    /** Early-payment discounts customers took (net of tax where the tenant adjusts tax for them). */
    CASH_DISCOUNT_EXPENSE,
    /** Dunning fees charged to customers. */
    FEE_INCOME,
    /** Interest charged to customers on overdue principal. */
    INTEREST_INCOME,
    /** Expected credit losses recognised on receivables (IFRS 9), net of releases. @since 2.2 */
    IMPAIRMENT_EXPENSE,
    /** The allowance for expected credit losses, held against {@link #RECEIVABLE} (a contra-asset). @since 2.2 */
    LOSS_ALLOWANCE,
    /**
     * The other side of receivables taken over from another system at the switch (an equity or suspense account):
     * the old system's books carry the same amount as their receivable, so that the two cancel once both ledgers
     * are combined. @since 2.3
     */
    OPENING_BALANCE
}
