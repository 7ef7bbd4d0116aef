package receivables.impl.intent.internal;

import receivables.api.provider.ProviderFailure;

/** Texts stored about intents: clipped to their columns. */
final class IntentText {

    private IntentText() {
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    static String failure(ProviderFailure failure) {
        return clip(failure.kind() + ": " + failure.getMessage(), 500);
    }
}
