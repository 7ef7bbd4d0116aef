package receivables.api.intent;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an intent stands: CREATED → PENDING → SUCCEEDED, FAILED, EXPIRED or CANCELED, then refunds. FAILED,
 * EXPIRED and CANCELED are final but for one move: money that arrives for such an intent (a late payment) is
 * still recorded, and the intent becomes SUCCEEDED, for a payment is never lost. The core keeps the whole
 * table of moves in one place.
 */
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
