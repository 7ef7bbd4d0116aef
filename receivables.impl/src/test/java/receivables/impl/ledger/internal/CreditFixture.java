package receivables.impl.ledger.internal;

import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

public final class CreditFixture {

    private CreditFixture() {
    }

    public static StoredCreditNotes creditNotes(Database database, JournalPostings journal, TenantDirectory tenants) {
        StoredCreditNotes creditNotes = new StoredCreditNotes();
        creditNotes.database = database;
        creditNotes.journal = journal;
        creditNotes.tenants = tenants;
        creditNotes.events = new BusinessEvents();
        return creditNotes;
    }

    public static StoredWriteOffs writeOffs(Database database, JournalPostings journal, TenantDirectory tenants) {
        StoredWriteOffs writeOffs = new StoredWriteOffs();
        writeOffs.database = database;
        writeOffs.journal = journal;
        writeOffs.tenants = tenants;
        writeOffs.events = new BusinessEvents();
        return writeOffs;
    }
}
