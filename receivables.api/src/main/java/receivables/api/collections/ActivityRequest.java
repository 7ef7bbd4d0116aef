package receivables.api.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contact a collector logs.
 *
 * @param promisedAmount with {@code promisedFor}, a promise to pay recorded with the activity
 * @param nextAction     what is to be done next, e.g. "call again"; with {@code nextActionOn}
 */
public record ActivityRequest(ActivityKind kind, ActivityOutcome outcome, String notes, BigDecimal promisedAmount,
        LocalDate promisedFor, String nextAction, LocalDate nextActionOn) {
}
