package receivables.impl.journal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.journal.Journal;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.impl.persistence.internal.Database;

/**
 * Writes journal entries inside the business transaction that causes them, and reads them back. An
 * unbalanced entry cannot be built ({@link JournalEntry} refuses it), so none is ever written.
 */
@Component(service = { Journal.class, JournalPostings.class })
public class JournalPostings implements Journal {

    @Reference
    Database database;

    Clock clock = Clock.systemUTC();

    /** Posts a balanced entry in the caller's session and transaction. */
    public JournalEntry post(Session session, LocalDate date, JournalEntryKind kind, String reference, List<JournalLine> lines) {
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), date, kind, reference, lines);
        session.persist(new JournalEntryEntity(entry.id(), date, kind, reference, clock.instant()));
        for (int i = 0; i < lines.size(); i++) {
            session.persist(new JournalLineEntity(entry.id(), i + 1, lines.get(i)));
        }
        return entry;
    }

    @Override
    public List<JournalEntry> entriesFor(TenantId tenant, String reference) {
        return database.inTransaction(tenant, session -> {
            List<JournalEntryEntity> entries = session.createSelectionQuery(
                            "from JournalEntry e where e.reference = :reference order by e.createdAt, e.id",
                            JournalEntryEntity.class)
                    .setParameter("reference", paymentNumber(session, tenant, reference).orElse(reference))
                    .getResultList();
            if (entries.isEmpty()) {
                return List.of();
            }
            Map<UUID, List<JournalLineEntity>> lines = session.createSelectionQuery(
                            "from JournalLine l where l.entryId in :entries order by l.entryId, l.lineNumber",
                            JournalLineEntity.class)
                    .setParameter("entries", entries.stream().map(entry -> entry.id).toList())
                    .getResultStream().collect(Collectors.groupingBy(line -> line.entryId));
            List<JournalEntry> result = new ArrayList<>();
            for (JournalEntryEntity entry : entries) {
                result.add(new JournalEntry(entry.id, entry.date, entry.kind, entry.reference,
                        lines.get(entry.id).stream().map(JournalLineEntity::toValue).toList()));
            }
            return result;
        });
    }

    /** The number of the payment whose id {@code reference} is, if it is one: entries name payments by number. */
    private static Optional<String> paymentNumber(Session session, TenantId tenant, String reference) {
        UUID paymentId;
        try {
            paymentId = UUID.fromString(reference);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return session.createNativeQuery("select p.payment_number from payment p where p.tenant_id = :tenant"
                        + " and p.id = :id", String.class)
                .setParameter("tenant", tenant.value()).setParameter("id", paymentId).uniqueResultOptional();
    }
}
