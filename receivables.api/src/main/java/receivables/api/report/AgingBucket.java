package receivables.api.report;

/**
 * Days past due from {@code fromDays} to {@code toDays} inclusive; {@code toDays} null is open-ended.
 * The current bucket (not yet due) has no {@code fromDays} (null) and ends at 0.
 */
public record AgingBucket(String label, Integer fromDays, Integer toDays) {

    /** Whether {@code daysOverdue} falls into this bucket; not yet due is 0 or less. */
    public boolean holds(int daysOverdue) {
        return (fromDays == null || daysOverdue >= fromDays) && (toDays == null || daysOverdue <= toDays);
    }
}
