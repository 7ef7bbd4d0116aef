package receivables.api.collections;

import java.time.LocalTime;

/**
 * When a tenant's daily dunning run starts: each day at {@code runAt} in the tenant's time zone (its configuration's
 * {@code timeZone}), for that day in that zone. Version 1 of this package kept a zone of its own here; there is one
 * time zone per tenant.
 */
public record DunningSchedule(boolean enabled, LocalTime runAt) {
}
