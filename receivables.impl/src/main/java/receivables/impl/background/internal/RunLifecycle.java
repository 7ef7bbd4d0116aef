package receivables.impl.background.internal;

import receivables.api.history.HistoryImportStatus;
import receivables.api.invoice.BillingRunStatus;
import receivables.api.statement.ImportStatus;
import receivables.impl.lifecycle.internal.Transitions;

/**
 * How background runs move: a run is RUNNING from its start, and ends once, in one of its final states. Who
 * may run it, and for how long, is the lease's business, not this table's.
 */
public final class RunLifecycle {

    public static final Transitions<BillingRunStatus> BILLING_RUNS = Transitions.of("billing run", BillingRunStatus.class)
            .from(BillingRunStatus.RUNNING, BillingRunStatus.COMPLETED, BillingRunStatus.INTERRUPTED)
            .build();

    public static final Transitions<ImportStatus> STATEMENT_IMPORTS = Transitions.of("statement import",
                    ImportStatus.class)
            .from(ImportStatus.RUNNING, ImportStatus.COMPLETED, ImportStatus.REJECTED, ImportStatus.FAILED)
            .build();

    public static final Transitions<HistoryImportStatus> HISTORY_IMPORTS = Transitions.of("history import",
                    HistoryImportStatus.class)
            .from(HistoryImportStatus.RUNNING, HistoryImportStatus.COMPLETED, HistoryImportStatus.FAILED)
            .build();

    private RunLifecycle() {
    }
}
