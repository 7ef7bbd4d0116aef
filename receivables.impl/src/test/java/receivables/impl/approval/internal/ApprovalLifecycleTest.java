package receivables.impl.approval.internal;

import org.junit.jupiter.api.Test;

import receivables.impl.lifecycle.internal.TransitionWalk;

class ApprovalLifecycleTest {

    @Test
    void aRequestIsDecidedOnceEitherWay() {
        TransitionWalk.allowsExactly(ApprovalLifecycle.TRANSITIONS, "PENDING > APPROVED", "PENDING > REJECTED");
    }
}
