package receivables.impl.background.internal;

import org.junit.jupiter.api.Test;

import receivables.impl.lifecycle.internal.TransitionWalk;

class RunLifecycleTest {

    @Test
    void aBillingRunEndsOnceFromRunning() {
        TransitionWalk.allowsExactly(RunLifecycle.BILLING_RUNS, "RUNNING > COMPLETED", "RUNNING > INTERRUPTED");
    }

    @Test
    void aStatementImportEndsOnceFromRunning() {
        TransitionWalk.allowsExactly(RunLifecycle.STATEMENT_IMPORTS, "RUNNING > COMPLETED", "RUNNING > REJECTED",
                "RUNNING > FAILED");
    }
}
