package receivables.api.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * An amount of an invoice written off: it is no longer owed, and it is an expense.
 *
 * @param paymentId    the payment that left the small difference; {@code null} for bad debt
 * @param installments what it took off each installment, earliest due first
 */
public record WriteOff(UUID id, UUID invoiceId, String invoiceNumber, UUID customerId, WriteOffKind kind, Money amount,
        String reason, LocalDate date, UUID paymentId, List<SettledInstallment> installments) {

    public WriteOff {
        installments = List.copyOf(installments);
    }
}
