package receivables.api.invoice;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters for listing invoices; every {@code null} filter matches all.
 *
 * @param overdueOn invoices with an installment still open and due before this day
 * @param dueBefore invoices whose due date is before this day
 */
public record InvoiceQuery(InvoiceStatus status, UUID customerId, LocalDate overdueOn, LocalDate dueBefore,
        String currency) {

    public static InvoiceQuery all() {
        return new InvoiceQuery(null, null, null, null, null);
    }
}
