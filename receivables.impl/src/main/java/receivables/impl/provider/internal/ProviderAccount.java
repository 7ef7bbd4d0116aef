package receivables.impl.provider.internal;

import java.util.List;
import java.util.Map;

/**
 * A tenant's account with a payment provider as its tenant admin sees it: the settings, and the names of the secrets
 * (never their values).
 */
public record ProviderAccount(String provider, boolean enabled, Map<String, String> settings, List<String> secrets) {

    public ProviderAccount {
        settings = Map.copyOf(settings);
        secrets = List.copyOf(secrets);
    }
}
