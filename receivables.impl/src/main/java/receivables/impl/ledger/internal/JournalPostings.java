package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.journal.Journal;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Writes journal entries inside the business transaction that causes them, and reads them back. An
 * unbalanced entry cannot be built ({@link JournalEntry} refuses it), so none is ever written. Every entry is
 * also written in the tenant's functional currency, at the rate of its currency on its date.
 */
@Component(service = { Journal.class, JournalPostings.class })
public class JournalPostings implements Journal {

    private final Database database;
    private final TenantDirectory tenants;
    private final StoredExchangeRates rates;

    @Activate
    public JournalPostings(@Reference Database database, @Reference TenantDirectory tenants,
            @Reference StoredExchangeRates rates) {
        this.database = database;
        this.tenants = tenants;
        this.rates = rates;
    }

    Clock clock = Clock.systemUTC();

    /**
     * Posts a balanced entry in the caller's session and transaction, with its functional amounts at the rate of
     * its currency on {@code date} (see {@link JournalEntry#atRate} for the rounding).
     *
     * @throws receivables.api.InvalidRequestException on {@code date} when the tenant has no rate for the currency
     *                                                 on or before it
     */
    public JournalEntry post(Session session, LocalDate date, JournalEntryKind kind, String reference, List<JournalLine> lines) {
        return post(session, session::persist, date, kind, reference, lines);
    }

    /** As {@link #post(Session, LocalDate, JournalEntryKind, String, List)}, the entry's rows handed to {@code rows}. */
    JournalEntry post(Session session, Consumer<Object> rows, LocalDate date, JournalEntryKind kind, String reference,
            List<JournalLine> lines) {
        String functional = functionalCurrency(session);
        String currency = lines.get(0).debit().currency();
        BigDecimal rate = currency.equals(functional) ? BigDecimal.ONE
                : rates.requiredRate(session, currency, functional, date, "date");
        JournalEntry entry = JournalEntry.atRate(UUID.randomUUID(), date, kind, reference, lines, functional, rate);
        rows.accept(new JournalEntryEntity(entry, clock.instant()));
        for (int i = 0; i < entry.lines().size(); i++) {
            rows.accept(new JournalLineEntity(entry.id(), i + 1, entry.lines().get(i)));
        }
        return entry;
    }

    /** The functional currency of the tenant whose session this is. */
    String functionalCurrency(Session session) {
        return tenants.settings(new TenantId(String.valueOf(session.getTenantIdentifier()))).functionalCurrency();
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
            String functional = functionalCurrency(session);
            List<JournalEntry> result = new ArrayList<>();
            for (JournalEntryEntity entry : entries) {
                result.add(entry.toValue(lines.get(entry.id), functional));
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
