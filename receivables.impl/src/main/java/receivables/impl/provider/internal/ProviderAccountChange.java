package receivables.impl.provider.internal;

import java.util.Map;

/**
 * A provider account as a tenant admin creates or changes it: every setting and every secret it has from now on. A
 * secret left blank keeps the value stored (secrets are write-only); {@code enabled} is on when left out.
 *
 * @param provider the provider's id; when changing, the one in the path (or left out)
 */
public record ProviderAccountChange(String provider, Boolean enabled, Map<String, String> settings,
        Map<String, String> secrets) {
}
