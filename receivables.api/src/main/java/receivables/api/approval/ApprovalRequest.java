package receivables.api.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import receivables.api.audit.Actor;
import receivables.api.money.Money;

/**
 * A command that waits for a second person, exactly as it was asked for.
 *
 * @param kind          what it carries out
 * @param customerId    the customer it concerns
 * @param invoiceId     the invoice written off or credited; {@code null} for a credit limit
 * @param invoiceNumber that invoice's number; {@code null} for a credit limit
 * @param amount        what is written off or credited, or the credit limit asked for; {@code null} when the raise
 *                      takes the customer's limit away
 * @param previousLimit the credit limit the customer had when the raise was asked for; {@code null} otherwise
 * @param reason        the reason a write-off or credit note gives; {@code null} for a credit limit
 * @param date          the day a write-off or credit note is dated; {@code null} for a credit limit
 * @param requestedBy   who asked; nobody approves their own request
 * @param decidedBy     who approved or rejected it; {@code null} while it waits
 * @param decisionNote  what the decider said, if anything
 * @param resultId      the write-off or credit note an approval made; {@code null} otherwise
 */
public record ApprovalRequest(UUID id, ApprovalKind kind, ApprovalStatus status, UUID customerId, UUID invoiceId,
        String invoiceNumber, Money amount, Money previousLimit, String reason, LocalDate date, Actor requestedBy,
        Instant requestedAt, Actor decidedBy, Instant decidedAt, String decisionNote, UUID resultId) {
}
