package receivables.api.intent;

import java.util.Set;

import receivables.api.provider.ProviderCapability;

/** A provider a tenant may use now: installed, and enabled for the tenant. */
public record ProviderOffer(String id, String name, Set<String> methods, Set<String> currencies,
        Set<ProviderCapability> capabilities) {
}
