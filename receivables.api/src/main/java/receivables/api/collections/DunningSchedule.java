package receivables.api.collections;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a tenant's daily dunning run starts: each day at {@code runAt} in {@code zone}, for that day in that zone.
 */
public record DunningSchedule(boolean enabled, LocalTime runAt, ZoneId zone) {
}
