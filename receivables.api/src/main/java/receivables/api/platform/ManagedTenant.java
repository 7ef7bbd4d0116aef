package receivables.api.platform;

import java.util.Set;

/**
 * A tenant as the platform sees it: its configuration, never its keys.
 *
 * @param apiKeys how many API keys its configuration holds
 */
public record ManagedTenant(String id, String name, boolean enabled, String functionalCurrency, String timeZone,
        Set<String> features, int apiKeys) {

    public ManagedTenant {
        features = Set.copyOf(features);
    }
}
