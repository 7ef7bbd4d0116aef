package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;

/** A tenant's dunning run of one day: there is at most one per tenant and day. */
public record DunningRun(LocalDate date, DunningRunStatus status, int notices, Instant startedAt, Instant finishedAt) {
}
