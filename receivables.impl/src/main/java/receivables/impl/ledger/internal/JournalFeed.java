package receivables.impl.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.journal.JournalEntry;

/** The journal as a stream in posting order, for delivery to the host's ledger. */
@Component(service = JournalFeed.class)
public class JournalFeed {

    private final JournalPostings journal;

    @Activate
    public JournalFeed(@Reference JournalPostings journal) {
        this.journal = journal;
    }

    /** An entry with when it was posted. */
    public record Posted(JournalEntry entry, Instant postedAt) {
    }

    /**
     * Up to {@code limit} entries posted after {@code from} that {@code sink} has not been delivered, oldest first.
     */
    public List<Posted> undelivered(Session session, String sink, Instant from, int limit) {
        List<JournalEntryEntity> entries = session.createSelectionQuery("from JournalEntry e where e.createdAt > :from"
                                + " and not exists (select 1 from JournalDelivery d where d.sink = :sink and d.entryId = e.id)"
                                + " order by e.createdAt, e.id", JournalEntryEntity.class)
                .setParameter("from", from).setParameter("sink", sink).setMaxResults(limit).getResultList();
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<JournalLineEntity>> lines = session.createSelectionQuery(
                        "from JournalLine l where l.entryId in :entries order by l.entryId, l.lineNumber", JournalLineEntity.class)
                .setParameter("entries", entries.stream().map(entry -> entry.id).toList())
                .getResultStream().collect(Collectors.groupingBy(line -> line.entryId));
        String functional = journal.functionalCurrency(session);
        List<Posted> posted = new ArrayList<>();
        for (JournalEntryEntity entry : entries) {
            posted.add(new Posted(entry.toValue(lines.get(entry.id), functional), entry.createdAt));
        }
        return posted;
    }
}
