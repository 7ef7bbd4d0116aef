package receivables.api.journal;

/**
 * The ledger accounts receivables posts to; the general-ledger export maps them to the host's chart.
 */
public enum Account {
    RECEIVABLE, REVENUE, TAX_PAYABLE, CASH, CUSTOMER_CREDIT, FX_GAIN, FX_LOSS, WRITE_OFF_EXPENSE, BAD_DEBT_EXPENSE,
    /** What open receivables in other currencies gained or lost at a period end's rate; reversed the next day. */
    FX_UNREALIZED_GAIN,
    FX_UNREALIZED_LOSS
}
