package receivables.api.provider;

import java.util.Objects;

/** A call to the channel did not do what was asked, and why. */
public class ProviderFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a call failed; decides whether the core retries. */
    public enum Kind {
        /** The channel said no (insufficient funds, payer refused, refund not allowed): final. */
        DECLINED,
        /** The request or the tenant's settings are wrong: final until someone fixes them. */
        INVALID_REQUEST,
        /** The channel could not be reached or answered that it cannot serve now; nothing happened there. */
        UNAVAILABLE,
        /** The call may or may not have taken effect (timeout after sending); the core asks again later. */
        UNKNOWN_OUTCOME
    }

    private final Kind kind;

    /** @param message what went wrong, recorded as the intent's or refund's {@code lastError}; never a secret */
    public ProviderFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    /** The same, with the exception that caused it (logged, never shown to clerks). */
    public ProviderFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Why the call failed. */
    public Kind kind() {
        return kind;
    }

    /** Whether asking again may succeed. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.UNKNOWN_OUTCOME;
    }
}
