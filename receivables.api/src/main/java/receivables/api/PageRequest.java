package receivables.api;

/**
 * Which slice of a sorted list to return.
 *
 * @param page zero-based page number, at most so far that the page's first item is still within
 *             {@link Integer#MAX_VALUE} items
 * @param size items per page, 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidRequestException(FieldViolation.of("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException(FieldViolation.of("size", "must be between 1 and " + MAX_SIZE));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidRequestException(FieldViolation.of("page", "must be at most " + Integer.MAX_VALUE / size
                    + " with pages of " + size));
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public int offset() {
        return page * size;
    }
}
