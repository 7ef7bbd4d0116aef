package receivables.api.provider;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.intent.PaymentIntent;

/**
 * The tenant's intents for the verifying provider, for checking a notification against the intent it names.
 * Implemented by the core; it finds only intents of the provider that verifies, never another provider's.
 */
@ProviderType
public interface IntentLookup {

    /** The intent with this id, when it is one of this provider's for the tenant. */
    Optional<PaymentIntent> byId(UUID intentId);

    /** The intent the channel knows by this reference (the {@code providerReference} of its start or reports). */
    Optional<PaymentIntent> byProviderReference(String providerReference);
}
