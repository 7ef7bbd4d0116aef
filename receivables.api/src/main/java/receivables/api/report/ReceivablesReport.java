package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables and their aging as of a day, by one dimension and currency, with totals per currency (amounts
 * in different currencies are never added). By product, each installment's open amount is spread over its
 * invoice's lines in proportion to their gross amounts, so that the products add up to the totals exactly.
 */
public record ReceivablesReport(LocalDate asOf, ReportDimension dimension, List<AgingBucket> buckets,
        List<DimensionAgingRow> rows, List<DimensionAgingRow> totals) {

    public ReceivablesReport {
        buckets = List.copyOf(buckets);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
