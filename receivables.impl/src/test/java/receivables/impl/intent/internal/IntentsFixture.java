package receivables.impl.intent.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;

import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.provider.internal.ProviderDirectory;

public final class IntentsFixture {

    private IntentsFixture() {
    }

    /** Provider calls are given up after this, here: long enough for a busy machine, short enough for a test. */
    static final int CALL_TIMEOUT_MILLIS = 1_500;

    public static StoredPaymentIntents intents(Database database, ProviderDirectory providers, StoredPayments payments, Clock clock) {
        StoredPaymentIntents intents = new StoredPaymentIntents();
        intents.calls = new ProviderCalls(configuration());
        intents.database = database;
        intents.providers = providers;
        intents.payments = payments;
        intents.clock = clock;
        intents.configure(configuration(), (String) null);
        return intents;
    }

    static IntentsConfiguration configuration() {
        return new IntentsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IntentsConfiguration.class;
            }

            @Override
            public String publicBaseUrl() {
                return "https://ar.example.com";
            }

            @Override
            public int janitorIntervalSeconds() {
                return 30;
            }

            @Override
            public int queryPendingAfterSeconds() {
                return 120;
            }

            @Override
            public int firstRetrySeconds() {
                return 5;
            }

            @Override
            public int maxRetrySeconds() {
                return 900;
            }

            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public int providerCallTimeoutMillis() {
                return CALL_TIMEOUT_MILLIS;
            }

            @Override
            public int lifetimeMinutes() {
                return 60;
            }
        };
    }
}
