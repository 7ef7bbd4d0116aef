package receivables.impl.intent.internal;

import static receivables.api.intent.IntentStatus.CANCELED;
import static receivables.api.intent.IntentStatus.CREATED;
import static receivables.api.intent.IntentStatus.EXPIRED;
import static receivables.api.intent.IntentStatus.FAILED;
import static receivables.api.intent.IntentStatus.PARTIALLY_REFUNDED;
import static receivables.api.intent.IntentStatus.PENDING;
import static receivables.api.intent.IntentStatus.REFUNDED;
import static receivables.api.intent.IntentStatus.SUCCEEDED;

import java.util.EnumSet;

import receivables.api.intent.IntentRefundStatus;
import receivables.api.intent.IntentStatus;
import receivables.impl.lifecycle.internal.Transitions;

/** How intents and their refunds move: the tables {@link StoredPaymentIntents} changes their status by. */
final class IntentLifecycle {

    static final Transitions<IntentStatus> INTENTS = Transitions.of("payment intent", IntentStatus.class)
            // Started at the provider; or settled before it confirmed the start (a report, a cancel, the janitor).
            .from(CREATED, PENDING, SUCCEEDED, FAILED, EXPIRED, CANCELED)
            .from(PENDING, SUCCEEDED, FAILED, EXPIRED, CANCELED)
            // The late payment: money that arrives for an intent that failed, expired or was canceled is recorded
            // all the same, and the intent SUCCEEDED, for a payment is never lost.
            .from(EnumSet.of(FAILED, EXPIRED, CANCELED), EnumSet.of(SUCCEEDED))
            .from(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED)
            .from(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED)
            .build();

    static final Transitions<IntentRefundStatus> REFUNDS = Transitions.of("intent refund", IntentRefundStatus.class)
            .from(IntentRefundStatus.PENDING, IntentRefundStatus.SUCCEEDED, IntentRefundStatus.FAILED)
            .build();

    private IntentLifecycle() {
    }
}
