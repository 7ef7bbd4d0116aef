package receivables.api.report;

import java.util.List;

import receivables.api.money.Money;

/**
 * What one value of a dimension has open in one currency, per aging bucket.
 *
 * @param key     the customer's id, the salesperson, segment, product, currency or country code; {@code null} for
 *                invoices or customers that have none
 * @param label   what a person reads: the customer's name, else the key
 * @param buckets in the order of {@link ReceivablesReport#buckets()}
 */
public record DimensionAgingRow(String key, String label, String currency, List<Money> buckets, Money total) {

    public DimensionAgingRow {
        buckets = List.copyOf(buckets);
    }
}
