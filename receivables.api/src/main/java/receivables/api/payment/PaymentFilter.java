package receivables.api.payment;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters for listing payments; every {@code null} filter matches all.
 *
 * @param valueFrom payments with a value date on or after this day
 * @param valueTo   payments with a value date on or before this day
 */
public record PaymentFilter(UUID customerId, String method, String currency, LocalDate valueFrom, LocalDate valueTo,
        AllocationState state) {

    public static PaymentFilter all() {
        return new PaymentFilter(null, null, null, null, null, null);
    }
}
