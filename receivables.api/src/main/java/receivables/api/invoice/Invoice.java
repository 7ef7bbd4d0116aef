package receivables.api.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * An invoice as stored.
 *
 * @param number       gap-free per tenant and year once issued; {@code null} while a draft
 * @param issueDate    {@code null} while a draft
 * @param dueDate      the last installment's due date; {@code null} while a draft
 * @param open         what is still owed
 * @param installments empty while a draft
 * @param salesperson  who sold it: the order's salesperson, else the customer's when invoiced; {@code null} if neither
 */
public record Invoice(UUID id, String number, String orderId, UUID customerId, String currency, InvoiceStatus status,
        String termsCode, LocalDate orderDate, LocalDate issueDate, LocalDate dueDate, Money net, Money tax, Money gross,
        Money open, List<InvoiceLine> lines, List<Installment> installments, long version, String salesperson) {

    public Invoice {
        lines = List.copyOf(lines);
        installments = List.copyOf(installments);
    }

    /** An invoice without a salesperson, as version 2.0 of this package had it. */
    public Invoice(UUID id, String number, String orderId, UUID customerId, String currency, InvoiceStatus status,
            String termsCode, LocalDate orderDate, LocalDate issueDate, LocalDate dueDate, Money net, Money tax,
            Money gross, Money open, List<InvoiceLine> lines, List<Installment> installments, long version) {
        this(id, number, orderId, customerId, currency, status, termsCode, orderDate, issueDate, dueDate, net, tax, gross,
                open, lines, installments, version, null);
    }
}
