package receivables.api.intent;

import java.util.EnumSet;
import java.util.Set;

/** Where an intent stands. Moves only forward: CREATED → PENDING → a final state, then refunds. */
public enum IntentStatus {
    /** Stored; the provider has not confirmed the start yet (or its answer was lost). */
    CREATED,
    /** The payer has instructions and may pay. */
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    CANCELED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    private static final Set<IntentStatus> OPEN = EnumSet.of(CREATED, PENDING);
    private static final Set<IntentStatus> PAID = EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED);

    /** Whether the payer may still pay. */
    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether money arrived (some of it may have gone back since). */
    public boolean paid() {
        return PAID.contains(this);
    }
}
