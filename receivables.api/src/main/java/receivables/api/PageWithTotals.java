package receivables.api;

import java.util.List;

/**
 * One page of a list, how many items the whole list holds, and totals over the whole list (every page, not only
 * this one), one per currency in currency order.
 */
public record PageWithTotals<T, S>(List<T> items, int page, int size, long totalItems, List<S> totals) {

    public PageWithTotals {
        items = List.copyOf(items);
        totals = List.copyOf(totals);
    }

    public PageWithTotals(Page<T> page, List<S> totals) {
        this(page.items(), page.page(), page.size(), page.totalItems(), totals);
    }

    public Page<T> withoutTotals() {
        return new Page<>(items, page, size, totalItems);
    }
}
