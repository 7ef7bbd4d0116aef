package receivables.impl.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.journal.GeneralLedgerExport;
import receivables.api.journal.JournalEntry;
import receivables.api.journal.GeneralLedgerExports;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeValues;

/**
 * Journal exports kept per sink and month. An export is made once: its entries are recorded with it, and each
 * entry can be recorded for a sink only once, so an entry posted late into a month already exported goes with the
 * sink's next export, and never twice.
 */
@Component(service = GeneralLedgerExports.class)
public class StoredGeneralLedgerExports implements GeneralLedgerExports {

    private static final int CHUNK = 1000;
    private static final Pattern SINK = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Database database;
    private final JournalPostings journal;

    Clock clock = Clock.systemUTC();

    @Activate
    public StoredGeneralLedgerExports(@Reference Database database, @Reference JournalPostings journal) {
        this.database = database;
        this.journal = journal;
    }

    @Override
    public GeneralLedgerExport export(TenantId tenant, String sink, YearMonth period) {
        if (sink == null || !SINK.matcher(sink).matches()) {
            throw new InvalidRequestException(FieldViolation.of("sink", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (period == null) {
            throw new InvalidRequestException(FieldViolation.of("period", "is required"));
        }
        if (period.getYear() < 1 || !period.atEndOfMonth().isBefore(LocalDate.now(clock))) {
            throw new InvalidRequestException(FieldViolation.of("period", "must be a month that has ended"));
        }
        return database.once(tenant, sink + "/" + period, (session, key) -> byPeriod(session, sink, period)
                .map(export -> toValue(session, export)), (session, tx) -> {
                    GeneralLedgerExportEntity export = new GeneralLedgerExportEntity(sink, period.toString(),
                            clock.instant().truncatedTo(ChronoUnit.MICROS));
                    session.persist(export);
                    session.flush();
                    session.createNativeMutationQuery("insert into gl_export_entry (tenant_id, export_id, sink, entry_id)"
                                    + " select e.tenant_id, :export, :sink, e.id from journal_entry e"
                                    + " where e.tenant_id = :tenant and e.entry_date <= :end and not exists"
                                    + " (select 1 from gl_export_entry x where x.tenant_id = e.tenant_id"
                                    + " and x.sink = :sink and x.entry_id = e.id)")
                            .setParameter("export", export.id).setParameter("sink", sink)
                            .setParameter("tenant", tenant.value()).setParameter("end", period.atEndOfMonth())
                            .executeUpdate();
                    return toValue(session, export);
                });
    }

    @Override
    public Optional<GeneralLedgerExport> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(GeneralLedgerExportEntity.class,
                id)).map(export -> toValue(session, export)));
    }

    @Override
    public List<GeneralLedgerExport> list(TenantId tenant, String sink) {
        return database.inTransaction(tenant, session -> (sink == null
                ? session.createSelectionQuery("from GeneralLedgerExport x order by x.period desc, x.sink",
                        GeneralLedgerExportEntity.class)
                : session.createSelectionQuery("from GeneralLedgerExport x where x.sink = :sink order by x.period desc",
                        GeneralLedgerExportEntity.class).setParameter("sink", sink)).getResultStream()
                .map(export -> new GeneralLedgerExport(export.id, export.sink, YearMonth.parse(export.period),
                        export.exportedAt, List.of())).toList());
    }

    private static Optional<GeneralLedgerExportEntity> byPeriod(Session session, String sink, YearMonth period) {
        return session.createSelectionQuery("from GeneralLedgerExport x where x.sink = :sink and x.period = :period",
                GeneralLedgerExportEntity.class).setParameter("sink", sink).setParameter("period", period.toString())
                .uniqueResultOptional();
    }

    /** The export with its entries in posting order, read in chunks. */
    private GeneralLedgerExport toValue(Session session, GeneralLedgerExportEntity export) {
        List<UUID> ids = session.createNativeQuery("select e.id from gl_export_entry x join journal_entry e"
                        + " on e.tenant_id = x.tenant_id and e.id = x.entry_id where x.tenant_id = :tenant"
                        + " and x.export_id = :export order by e.created_at, e.id", Object.class)
                .setParameter("tenant", export.tenantId()).setParameter("export", export.id).getResultStream()
                .map(NativeValues::uuid).toList();
        String functional = journal.functionalCurrency(session);
        List<JournalEntry> entries = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<UUID> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            Map<UUID, JournalEntryEntity> byId = session.createSelectionQuery("from JournalEntry e where e.id in :ids",
                    JournalEntryEntity.class).setParameter("ids", chunk).getResultStream()
                    .collect(Collectors.toMap(entry -> entry.id, entry -> entry));
            Map<UUID, List<JournalLineEntity>> lines = session.createSelectionQuery(
                            "from JournalLine l where l.entryId in :ids order by l.entryId, l.lineNumber", JournalLineEntity.class)
                    .setParameter("ids", chunk).getResultStream().collect(Collectors.groupingBy(line -> line.entryId));
            chunk.forEach(id -> entries.add(byId.get(id).toValue(lines.get(id), functional)));
        }
        return new GeneralLedgerExport(export.id, export.sink, YearMonth.parse(export.period), export.exportedAt, entries);
    }
}
