package receivables.impl.intent.internal;

import receivables.api.provider.ProviderFailure;
import receivables.impl.persistence.internal.NativeValues;

/** What is stored of a provider's failure: its kind and message, clipped to the column. */
final class IntentText {

    private IntentText() {
    }

    static String failure(ProviderFailure failure) {
        return NativeValues.clip(failure.kind() + ": " + failure.getMessage(), 500);
    }
}
