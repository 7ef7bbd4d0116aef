package receivables.impl.intent.internal;

import java.time.Clock;
import java.util.Map;

import org.osgi.util.converter.Converters;

import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.provider.internal.ProviderDirectory;

/** Payment intents as tests want them, built through the constructors DS uses. */
public final class TestIntents {

    /** Provider calls are given up after this, here: long enough for a busy machine, short enough for a test. */
    static final int CALL_TIMEOUT_MILLIS = 1_500;

    private TestIntents() {
    }

    public static StoredPaymentIntents intents(Database database, ProviderDirectory providers, StoredPayments payments,
            Clock clock) {
        IntentsConfiguration config = configuration();
        return new StoredPaymentIntents(database, providers, payments, new ProviderCalls(config), clock, config, null);
    }

    static IntentsConfiguration configuration() {
        return Converters.standardConverter().convert(Map.of("publicBaseUrl", "https://ar.example.com",
                "maxAttempts", 3, "providerCallTimeoutMillis", CALL_TIMEOUT_MILLIS, "lifetimeMinutes", 60))
                .to(IntentsConfiguration.class);
    }
}
