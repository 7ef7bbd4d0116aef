package receivables.impl.payment.internal;

import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.journal.internal.JournalPostings;
import receivables.impl.persistence.internal.Database;

public final class PaymentsFixture {

    private PaymentsFixture() {
    }

    public static StoredPayments payments(Database database, JournalPostings journal) {
        StoredPayments payments = new StoredPayments();
        payments.database = database;
        payments.journal = journal;
        payments.events = new BusinessEvents();
        return payments;
    }
}
