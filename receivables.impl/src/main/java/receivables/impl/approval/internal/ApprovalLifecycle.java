package receivables.impl.approval.internal;

import static receivables.api.approval.ApprovalStatus.APPROVED;
import static receivables.api.approval.ApprovalStatus.PENDING;
import static receivables.api.approval.ApprovalStatus.REJECTED;

import receivables.api.approval.ApprovalStatus;
import receivables.impl.lifecycle.internal.Transitions;

/** How an approval request moves: decided once, either way. The one table {@link ApprovalRequestEntity} moves by. */
final class ApprovalLifecycle {

    static final Transitions<ApprovalStatus> TRANSITIONS = Transitions.of("approval request", ApprovalStatus.class)
            .from(PENDING, APPROVED, REJECTED)
            .build();

    private ApprovalLifecycle() {
    }
}
