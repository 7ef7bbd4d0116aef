package receivables.impl.ledger.internal;

import static receivables.api.invoice.InvoiceStatus.CANCELED;
import static receivables.api.invoice.InvoiceStatus.DRAFT;
import static receivables.api.invoice.InvoiceStatus.ISSUED;
import static receivables.api.invoice.InvoiceStatus.PAID;
import static receivables.api.invoice.InvoiceStatus.PARTIALLY_PAID;
import static receivables.api.invoice.InvoiceStatus.WRITTEN_OFF;

import receivables.api.invoice.InvoiceStatus;
import receivables.impl.lifecycle.internal.Transitions;

/** How an invoice moves: the one table {@link InvoiceEntity} changes its status by. */
final class InvoiceLifecycle {

    static final Transitions<InvoiceStatus> TRANSITIONS = Transitions.of("invoice", InvoiceStatus.class)
            .from(DRAFT, ISSUED)
            // Paid in part or in full (payments, small differences written off, a credit that clears the rest),
            // credited in full, or written off as bad debt.
            .from(ISSUED, PARTIALLY_PAID, PAID, CANCELED, WRITTEN_OFF)
            .from(PARTIALLY_PAID, PARTIALLY_PAID, PAID, CANCELED, WRITTEN_OFF, ISSUED)
            // An allocation taken back (a payment reversed or refunded) opens the invoice again.
            .from(PAID, PARTIALLY_PAID, ISSUED)
            // ... even after what was left open was written off: what the payment had paid is owed again.
            .from(WRITTEN_OFF, PARTIALLY_PAID, ISSUED)
            .build();

    private InvoiceLifecycle() {
    }
}
