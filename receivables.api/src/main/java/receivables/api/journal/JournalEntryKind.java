package receivables.api.journal;

/**
 * What a journal entry records. A {@link receivables.api.host.JournalSink} maps each kind (with the
 * {@link Account}s of its lines) to the host's chart of accounts; the database stores the constant's name, so a
 * kind is never renamed.
 */
public enum JournalEntryKind {
    /** An invoice was issued: Dr {@link Account#RECEIVABLE}, Cr {@link Account#REVENUE} and {@link Account#TAX_PAYABLE}. Reference: the invoice number. */
    INVOICE_ISSUED,
    /**
     * A credit note was issued: Dr {@link Account#REVENUE} and {@link Account#TAX_PAYABLE} in the invoice's
     * proportion, Cr {@link Account#RECEIVABLE}. Reference: the credit note's number.
     */
    CREDIT_NOTE_ISSUED,
    /**
     * A payment arrived: Dr {@link Account#CASH}, Cr {@link Account#RECEIVABLE} for what it settled and
     * {@link Account#CUSTOMER_CREDIT} for what it left unallocated. Reference: the payment's number.
     */
    PAYMENT_RECEIVED,
    /**
     * The difference between an invoice's rate and the payment's rate, in the functional currency: Dr
     * {@link Account#RECEIVABLE}, Cr {@link Account#FX_GAIN}, or Dr {@link Account#FX_LOSS}, Cr
     * {@link Account#RECEIVABLE}. Reference: the payment's number.
     */
    FX_REALIZED,
    /** A payment's unallocated credit settled installments: Dr {@link Account#CUSTOMER_CREDIT}, Cr {@link Account#RECEIVABLE}. Reference: the payment's number. */
    CREDIT_APPLIED,
    /** A payment's allocations were taken back (before a reversal or refund): Dr {@link Account#RECEIVABLE}, Cr {@link Account#CUSTOMER_CREDIT}. Reference: the payment's number. */
    ALLOCATION_REVERSED,
    /** A payment bounced or was booked in error: Dr {@link Account#CUSTOMER_CREDIT}, Cr {@link Account#CASH}. Reference: the payment's number. */
    PAYMENT_REVERSED,
    /** Money went back to the customer: Dr {@link Account#CUSTOMER_CREDIT}, Cr {@link Account#CASH}. Reference: the payment's number. */
    PAYMENT_REFUNDED,
    /**
     * What was left open on an invoice was written off as bad debt: Dr {@link Account#BAD_DEBT_EXPENSE}, Cr
     * {@link Account#RECEIVABLE}; with the tenant's bad-debt tax relief the tax share is taken back off
     * {@link Account#TAX_PAYABLE} instead of the expense. Reference: the invoice number.
     */
    BAD_DEBT_WRITTEN_OFF,
    /**
     * A small remainder within the tenant's tolerance was written off after a payment: Dr
     * {@link Account#WRITE_OFF_EXPENSE}, Cr {@link Account#RECEIVABLE}. Reference: the invoice number.
     */
    DIFFERENCE_WRITTEN_OFF,
    /**
     * A payment inside the terms' window earned an installment's early-payment discount: Dr
     * {@link Account#CASH_DISCOUNT_EXPENSE}, Cr {@link Account#RECEIVABLE}; where the tenant adjusts tax for
     * discounts, the tax share is taken back off {@link Account#TAX_PAYABLE} instead of the expense. Reference:
     * the invoice number.
     */
    CASH_DISCOUNT_TAKEN,
    /**
     * Open receivables in other currencies revalued at a period end's rate: Dr {@link Account#RECEIVABLE}, Cr
     * {@link Account#FX_UNREALIZED_GAIN}, or Dr {@link Account#FX_UNREALIZED_LOSS}, Cr {@link Account#RECEIVABLE}.
     * Reference: {@code REVAL-} and the date.
     */
    FX_REVALUATION,
    /** The next day's reversal of an {@link #FX_REVALUATION}: the same lines on the other side, same reference. */
    FX_REVALUATION_REVERSED,
    /**
     * A dunning run charged a level's fee as an item of its own: Dr {@link Account#RECEIVABLE}, Cr
     * {@link Account#FEE_INCOME}. Reference: the fee item's (invoice) number.
     */
    DUNNING_FEE_CHARGED,
    /**
     * Interest accrued on overdue principal was charged as an item of its own, when a notice went out or the
     * principal was paid: Dr {@link Account#RECEIVABLE}, Cr {@link Account#INTEREST_INCOME}. Reference: the interest
     * item's (invoice) number.
     */
    INTEREST_CHARGED,
    /**
     * The IFRS 9 loss allowance adjusted at a period end to the provision matrix's expected credit loss: an increase
     * is Dr {@link Account#IMPAIRMENT_EXPENSE}, Cr {@link Account#LOSS_ALLOWANCE}; a release the other way round. Only
     * the change against the previous period end is posted. Reference: {@code ECL-} and the period, e.g.
     * {@code ECL-2026-10}.
     *
     * @since 2.2
     */
    CREDIT_LOSS_ALLOWANCE,
    /**
     * An invoice imported from another system's history was still open: what was open on it entered these books, Dr
     * {@link Account#RECEIVABLE}, Cr {@link Account#OPENING_BALANCE}; its revenue and tax were booked by the other
     * system. Reference: the invoice number.
     *
     * @since 2.3
     */
    OPENING_BALANCE
}
