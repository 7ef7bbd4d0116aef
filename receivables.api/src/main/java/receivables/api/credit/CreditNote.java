package receivables.api.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * A credit note as issued: it lowers what its invoice owes and reverses revenue and tax in proportion.
 *
 * @param number       gap-free per tenant and year, e.g. {@code CN-2026-000001}
 * @param amount       what is credited, gross, in the invoice's currency
 * @param net          the part of {@code amount} that reverses revenue
 * @param tax          the part of {@code amount} that reverses tax
 * @param full         whether, with the invoice's earlier credit notes, it credits the whole invoice, which
 *                     cancels it
 * @param installments what it took off each installment, latest due first
 */
public record CreditNote(UUID id, String number, UUID invoiceId, String invoiceNumber, UUID customerId, LocalDate date,
        Money amount, Money net, Money tax, String reason, boolean full, List<SettledInstallment> installments) {

    public CreditNote {
        installments = List.copyOf(installments);
    }
}
