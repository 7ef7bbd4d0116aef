package receivables.api.invoice;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters for listing invoices; every {@code null} filter matches all.
 *
 * @param overdueOn invoices with an installment still open and due before this day
 * @param dueBefore invoices whose due date is before this day
 * @param sort      the order; {@code null} for {@link InvoiceSort#NUMBER_DESCENDING}, newest number first
 */
public record InvoiceQuery(InvoiceStatus status, UUID customerId, LocalDate overdueOn, LocalDate dueBefore,
        String currency, InvoiceSort sort) {

    public InvoiceQuery {
        sort = sort == null ? InvoiceSort.NUMBER_DESCENDING : sort;
    }

    /** Filters in the default order, newest number first. */
    public InvoiceQuery(InvoiceStatus status, UUID customerId, LocalDate overdueOn, LocalDate dueBefore,
            String currency) {
        this(status, customerId, overdueOn, dueBefore, currency, null);
    }

    public static InvoiceQuery all() {
        return new InvoiceQuery(null, null, null, null, null);
    }
}
