package receivables.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The KPIs as of a day and their monthly trend: one point per month end before it, oldest first, then the day.
 */
public record CollectionKpis(LocalDate asOf, String currency, CollectionKpi latest, List<CollectionKpi> trend) {

    public CollectionKpis {
        trend = List.copyOf(trend);
    }
}
