package receivables.impl.approval.internal;

import java.time.LocalDate;
import java.util.UUID;

import receivables.api.approval.ApprovalKind;
import receivables.api.money.Money;

/**
 * A command as it waits for approval: everything needed to carry it out later exactly as it was asked for.
 *
 * @param amount what is written off or credited, or the limit asked for; {@code null} for a raise to no limit
 */
public record WaitingCommand(ApprovalKind kind, UUID customerId, UUID invoiceId, String invoiceNumber, String currency,
        Money amount, Money previousLimit, String reason, LocalDate date, String idempotencyKey) {

    /** A bad-debt write-off of {@code amount}, everything the invoice has open now. */
    public static WaitingCommand writeOff(UUID customerId, UUID invoiceId, String invoiceNumber, Money amount,
            String reason, LocalDate date) {
        return new WaitingCommand(ApprovalKind.WRITE_OFF, customerId, invoiceId, invoiceNumber, amount.currency(),
                amount, null, reason, date, null);
    }

    public static WaitingCommand creditNote(UUID customerId, UUID invoiceId, String invoiceNumber, Money amount,
            String reason, LocalDate date, String idempotencyKey) {
        return new WaitingCommand(ApprovalKind.CREDIT_NOTE, customerId, invoiceId, invoiceNumber, amount.currency(),
                amount, null, reason, date, idempotencyKey);
    }

    /** A raise of the customer's limit from {@code previous} to {@code asked} ({@code null}: no limit at all). */
    public static WaitingCommand creditLimitIncrease(UUID customerId, Money previous, Money asked) {
        return new WaitingCommand(ApprovalKind.CREDIT_LIMIT_INCREASE, customerId, null, null, previous.currency(), asked,
                previous, null, null, null);
    }
}
