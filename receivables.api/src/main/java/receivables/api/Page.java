package receivables.api;

import java.util.List;

/**
 * One page of a list together with how many items the whole list holds.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
