package receivables.impl.ledger.internal;

import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.FxFixture;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

public final class PaymentsFixture {

    private PaymentsFixture() {
    }

    /** Payments that write off the small differences their allocations leave, by {@code writeOffs}' tenant settings. */
    public static StoredPayments payments(Database database, JournalPostings journal, StoredWriteOffs writeOffs,
            TenantDirectory tenants) {
        StoredPayments payments = new StoredPayments();
        payments.database = database;
        payments.journal = journal;
        payments.events = new BusinessEvents();
        payments.writeOffs = writeOffs;
        payments.rates = FxFixture.rates(database);
        payments.tenants = tenants;
        return payments;
    }
}
