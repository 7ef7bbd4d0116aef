package receivables.testkit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import receivables.api.intent.PaymentIntent;
import receivables.api.provider.IntentLookup;

/**
 * The tenant's intents for the verifying provider, as the core looks them up for {@code verify}: by id, and by the
 * provider reference a start or report gave. Adding an intent with a known id replaces it.
 */
public final class KnownIntents implements IntentLookup {

    private final Map<UUID, PaymentIntent> byId = new ConcurrentHashMap<>();

    private KnownIntents() {
    }

    public static KnownIntents of(PaymentIntent... intents) {
        return of(List.of(intents));
    }

    public static KnownIntents of(Collection<PaymentIntent> intents) {
        KnownIntents known = new KnownIntents();
        intents.forEach(known::add);
        return known;
    }

    /** None: every notification names an intent this tenant does not have. */
    public static KnownIntents none() {
        return new KnownIntents();
    }

    public KnownIntents add(PaymentIntent intent) {
        byId.put(intent.id(), intent);
        return this;
    }

    @Override
    public Optional<PaymentIntent> byId(UUID intentId) {
        return Optional.ofNullable(intentId == null ? null : byId.get(intentId));
    }

    @Override
    public Optional<PaymentIntent> byProviderReference(String providerReference) {
        return providerReference == null ? Optional.empty() : byId.values().stream()
                .filter(intent -> providerReference.equals(intent.providerReference())).findFirst();
    }
}
