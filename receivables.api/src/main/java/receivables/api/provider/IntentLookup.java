package receivables.api.provider;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.intent.PaymentIntent;

/** The tenant's intents for the verifying provider, for checking a notification against the intent it names. */
@ProviderType
public interface IntentLookup {

    Optional<PaymentIntent> byId(UUID intentId);

    Optional<PaymentIntent> byProviderReference(String providerReference);
}
