package receivables.api;

/**
 * Event Admin topics receivables posts after the change they announce is committed, and the property
 * keys every such event carries. Hosts subscribe to feed their inventory and ledger.
 */
public final class EventTopics {

    public static final String INVOICE_ISSUED = "receivables/invoice/ISSUED";
    public static final String PAYMENT_RECEIVED = "receivables/payment/RECEIVED";

    /** The tenant id, a String. */
    public static final String TENANT = "tenant";
    /** The invoice id or payment id, a String. */
    public static final String ID = "id";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CURRENCY = "currency";
    /** A plain decimal String, e.g. {@code 119.00}. */
    public static final String AMOUNT = "amount";
    public static final String INVOICE_NUMBER = "invoiceNumber";

    private EventTopics() {
    }
}
