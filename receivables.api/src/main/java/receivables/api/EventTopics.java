package receivables.api;

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

    private EventTopics() {
    }
}
