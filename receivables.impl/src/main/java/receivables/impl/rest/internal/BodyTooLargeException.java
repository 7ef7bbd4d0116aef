package receivables.impl.rest.internal;

/**
 * A request body grew past its limit while it was read. Unchecked so that it passes unchanged through whatever reads
 * the body (JSON parsing, a file copy) up to {@link ProblemResponses}, which answers 413.
 */
final class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
