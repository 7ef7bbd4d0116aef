package receivables.impl.collections.internal;

import java.time.Clock;

import receivables.api.collections.DunningPolicies;
import receivables.api.collections.DunningRuns;
import receivables.impl.background.internal.Leases;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.tenant.internal.TenantDirectory;

/** Dunning wired outside the framework on a ledger, for the benchmarks: nothing runs by itself. */
public record DunningFixture(DunningPolicies policies, DunningRuns runs) {

    /** Policies and runs on {@code ledger}'s database; the run's day must not be after {@code clock}'s tomorrow. */
    public static DunningFixture on(LedgerFixture ledger, Leases leases, Clock clock) {
        StoredDunningPolicies policies = new StoredDunningPolicies(ledger.database(), ledger.terms());
        return new DunningFixture(policies, new BackgroundDunningRuns(ledger.database(), policies, ledger.invoices(),
                ledger.customers(), leases, new TenantDirectory(), new StoredNoticeTemplates(ledger.database()),
                new NoticeDocuments(), clock, 3, 0));
    }
}
