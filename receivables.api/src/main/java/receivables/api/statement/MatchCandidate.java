package receivables.api.statement;

import java.util.UUID;

/**
 * An invoice a statement line may pay, and how sure matching is of it.
 *
 * @param invoiceId     the invoice, or {@code null} when only the customer was recognised
 * @param invoiceNumber its number, or {@code null}
 * @param confidence    0 to 100: 100 for its creditor reference, 90 for its number in the remittance text,
 *                      70 for its open amount from a payer who is its customer, 50 for its open amount alone
 * @param reason        what matched, for the clerk
 */
public record MatchCandidate(UUID invoiceId, String invoiceNumber, UUID customerId, int confidence, String reason) {
}
