package receivables.api.invoice;

/**
 * Where an invoice is in its life: DRAFT → ISSUED → PARTIALLY_PAID → PAID, or CANCELED by a credit note, or
 * WRITTEN_OFF as bad debt with what was still open.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELED, WRITTEN_OFF;

    /** Whether money is still to be collected: issued and not settled, canceled or written off. */
    public boolean collectible() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
