package receivables.impl.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import receivables.impl.persistence.internal.TestDatabases;

class LedgerH2Test extends LedgerContract {

    @BeforeEach
    void start() {
        use(TestDatabases.h2());
    }

    @AfterEach
    void stop() {
        assertEveryJournalEntryBalances();
        TestDatabases.stop(database);
    }
}
