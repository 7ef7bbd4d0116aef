package receivables.impl.journal.internal;

import receivables.impl.persistence.internal.Database;

public final class JournalFixture {

    private JournalFixture() {
    }

    public static JournalPostings postings(Database database) {
        JournalPostings postings = new JournalPostings();
        postings.database = database;
        return postings;
    }
}
