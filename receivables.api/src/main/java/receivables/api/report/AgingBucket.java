package receivables.api.report;

/**
 * Days past due from {@code fromDays} to {@code toDays} inclusive; {@code toDays} null is open-ended.
 * The current bucket (not yet due) is from {@code Integer.MIN_VALUE} to 0.
 */
public record AgingBucket(String label, int fromDays, Integer toDays) {
}
