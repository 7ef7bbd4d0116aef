package receivables.api.report;

import java.util.List;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * What one customer owes in one currency, per aging bucket.
 *
 * @param buckets in the order of {@link AgingReport#buckets()}
 */
public record AgingRow(UUID customerId, String customerName, String currency, List<Money> buckets, Money total) {

    public AgingRow {
        buckets = List.copyOf(buckets);
    }
}
