package receivables.impl.ledger.internal;

import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.invoice.InvoiceStatus;
import receivables.api.money.Money;

/**
 * What another package may know of an invoice inside its own unit of work, read from the invoice as the session holds
 * it (and so as up to date as that session's own changes): the invoice's entity, and its mutators, stay the ledger's.
 *
 * @param open what is still to be paid, in the invoice's currency
 */
public record InvoiceState(UUID id, String number, UUID customerId, String currency, InvoiceStatus status, Money open) {

    /** The state of the invoice {@code invoiceId} of the session's tenant, if it is one. */
    public static Optional<InvoiceState> find(Session session, UUID invoiceId) {
        return Optional.ofNullable(session.find(InvoiceEntity.class, invoiceId)).map(invoice -> new InvoiceState(
                invoice.id(), invoice.number(), invoice.customerId(), invoice.currency(), invoice.status(),
                invoice.open()));
    }
}
