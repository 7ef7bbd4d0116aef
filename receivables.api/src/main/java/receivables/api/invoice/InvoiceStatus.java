package receivables.api.invoice;

/**
 * Where an invoice is in its life: DRAFT → ISSUED → PARTIALLY_PAID → PAID, or CANCELLED by a credit note.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELLED
}
