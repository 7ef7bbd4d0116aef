package receivables.api.collections;

import java.time.LocalDate;
import java.util.List;

/**
 * Each collector's results from {@code from} to {@code to} inclusive, one row per collector and currency, collectors
 * in order of their ids. Customers count for the collector they are assigned to when the report is made.
 */
public record CollectorReport(LocalDate from, LocalDate to, List<CollectorReportRow> rows) {

    public CollectorReport {
        rows = List.copyOf(rows);
    }
}
