package receivables.impl.ledger.internal;

import receivables.impl.fx.internal.FxFixture;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

public final class JournalFixture {

    private JournalFixture() {
    }

    public static JournalPostings postings(Database database) {
        JournalPostings postings = new JournalPostings();
        postings.database = database;
        postings.tenants = new TenantDirectory();
        postings.rates = FxFixture.rates(database);
        return postings;
    }

    /** The journal as a stream for delivery, reading through {@code postings}. */
    public static JournalFeed feed(JournalPostings postings) {
        JournalFeed feed = new JournalFeed();
        feed.journal = postings;
        return feed;
    }
}
