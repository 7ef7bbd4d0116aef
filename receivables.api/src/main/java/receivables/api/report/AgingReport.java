package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Open installments by how long they are past due, as of a day; per customer and currency, with totals per
 * currency (amounts in different currencies are never added).
 *
 * @param rows   ordered by customer name (by Unicode code point, whatever the database's collation), customer id and
 *               currency
 * @param totals one per currency, ordered by currency
 */
public record AgingReport(LocalDate asOf, List<AgingBucket> buckets, List<AgingRow> rows, List<AgingRow> totals) {

    public AgingReport {
        buckets = List.copyOf(buckets);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
