package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Collections from {@code from} to {@code to} inclusive by one dimension and currency, with totals per currency.
 */
public record CollectionsReport(LocalDate from, LocalDate to, ReportDimension dimension, List<CollectionRow> rows,
        List<CollectionRow> totals) {

    public CollectionsReport {
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
