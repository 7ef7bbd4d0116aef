package receivables.api;

import java.util.List;

/**
 * Event Admin topics receivables posts after the change they announce is committed, and the property
 * keys every such event carries. Hosts subscribe to feed their inventory and ledger.
 */
public final class EventTopics {

    public static final String INVOICE_ISSUED = "receivables/invoice/ISSUED";
    public static final String PAYMENT_RECEIVED = "receivables/payment/RECEIVED";
    public static final String CREDIT_NOTE_ISSUED = "receivables/creditnote/ISSUED";
    /** A small difference or bad debt written off; {@link #KIND} tells which. */
    public static final String WRITE_OFF_POSTED = "receivables/writeoff/POSTED";
    /** A write-off, credit note or credit-limit raise waits for a second person; {@link #KIND} tells which. */
    public static final String APPROVAL_REQUESTED = "receivables/approval/REQUESTED";
    /** A waiting request was approved and its command carried out. */
    public static final String APPROVAL_APPROVED = "receivables/approval/APPROVED";
    /** A waiting request was rejected: its command never takes effect. */
    public static final String APPROVAL_REJECTED = "receivables/approval/REJECTED";

    /**
     * An open installment reached an overdue level: the daily sweep posts this once per installment and level, the
     * levels being days past the due date ({@link #LEVEL}, {@link #DAYS_OVERDUE}).
     */
    public static final String INSTALLMENT_OVERDUE = "receivables/installment/OVERDUE";
    /** A promise to pay passed its date short of the promised amount ({@link #PROMISED_FOR}). */
    public static final String PROMISE_BROKEN = "receivables/promise/BROKEN";
    /** An invoice was issued while the customer's exposure exceeds its credit limit ({@link #LIMIT}). */
    public static final String CREDIT_LIMIT_EXCEEDED = "receivables/credit/LIMIT_EXCEEDED";
    /** A payment at or above the tenant's threshold for its currency arrived, besides {@link #PAYMENT_RECEIVED}. */
    public static final String PAYMENT_LARGE = "receivables/payment/LARGE";
    /** Every topic above, in the order a subscriber reads them. */
    public static final List<String> ALL = List.of(INVOICE_ISSUED, PAYMENT_RECEIVED, CREDIT_NOTE_ISSUED,
            WRITE_OFF_POSTED, APPROVAL_REQUESTED, APPROVAL_APPROVED, APPROVAL_REJECTED, INSTALLMENT_OVERDUE,
            PROMISE_BROKEN, CREDIT_LIMIT_EXCEEDED, PAYMENT_LARGE);

    /** The tenant id, a String. */
    public static final String TENANT = "tenant";
    /** The id of what the event is about (invoice, payment, credit note, write-off, approval request), a String. */
    public static final String ID = "id";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CURRENCY = "currency";
    /** A plain decimal String, e.g. {@code 119.00}. */
    public static final String AMOUNT = "amount";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    /** The invoice a credit note or write-off is about, a String. */
    public static final String INVOICE_ID = "invoiceId";
    public static final String CREDIT_NOTE_NUMBER = "creditNoteNumber";
    /**
     * The write-off's kind, {@code SMALL_DIFFERENCE} or {@code BAD_DEBT}; an approval request's, {@code WRITE_OFF},
     * {@code CREDIT_NOTE} or {@code CREDIT_LIMIT_INCREASE}.
     */
    public static final String KIND = "kind";
    /** The installment an overdue alert is about, a String. */
    public static final String INSTALLMENT_ID = "installmentId";
    /** The installment's due date, an ISO date String such as {@code 2026-03-31}. */
    public static final String DUE_DATE = "dueDate";
    /** The overdue level reached, an Integer from 1: the position of {@link #DAYS_OVERDUE} in the tenant's levels. */
    public static final String LEVEL = "level";
    /** The days past the due date that make the level, an Integer. */
    public static final String DAYS_OVERDUE = "daysOverdue";
    /** The date a broken promise named, an ISO date String. */
    public static final String PROMISED_FOR = "promisedFor";
    /** The credit limit exceeded, a plain decimal String in {@link #CURRENCY}; {@link #AMOUNT} is the exposure. */
    public static final String LIMIT = "limit";

    private EventTopics() {
    }
}
