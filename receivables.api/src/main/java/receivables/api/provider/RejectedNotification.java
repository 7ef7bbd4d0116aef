package receivables.api.provider;

import java.util.Objects;

/** A notification that must not be trusted; the core records nothing for it. */
public class RejectedNotification extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a notification was rejected. */
    public enum Reason {
        /** The signature is missing or does not verify with the channel's key. */
        BAD_SIGNATURE,
        /** It cannot be read as the channel's notification. */
        MALFORMED,
        /** It names an intent, merchant or account this tenant does not have. */
        UNKNOWN_INTENT,
        /** Amount, currency or merchant differ from the intent it names. */
        MISMATCH
    }

    private final Reason reason;

    /** @param message what was wrong, for the channel's 400 answer and the log; never a secret */
    public RejectedNotification(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why it was rejected. */
    public Reason reason() {
        return reason;
    }
}
