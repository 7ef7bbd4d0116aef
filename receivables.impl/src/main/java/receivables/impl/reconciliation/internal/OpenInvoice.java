package receivables.impl.reconciliation.internal;

import java.util.UUID;

import receivables.api.money.Money;

/** An invoice with something open, as matching needs it. */
record OpenInvoice(UUID id, String number, UUID customerId, Money open) {
}
