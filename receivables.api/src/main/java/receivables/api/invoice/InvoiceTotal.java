package receivables.api.invoice;

import receivables.api.money.Money;

/**
 * The invoices of one currency that an {@link InvoiceQuery} matches.
 *
 * @param open what of their gross is still to be paid
 */
public record InvoiceTotal(String currency, long count, Money gross, Money open) {
}
