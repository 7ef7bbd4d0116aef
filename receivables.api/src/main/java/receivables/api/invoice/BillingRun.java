package receivables.api.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A billing run and its progress.
 *
 * @param total    orders to invoice; for a run fed by the host's order sources, those received so far
 * @param done     orders invoiced (or found invoiced already)
 * @param failed   orders that could not be invoiced
 * @param failures the first failures with their reasons
 */
public record BillingRun(UUID id, BillingRunStatus status, LocalDate issueDate, int total, int done, int failed,
        List<BillingFailure> failures, Instant startedAt, Instant finishedAt) {

    public BillingRun {
        failures = List.copyOf(failures);
    }
}
