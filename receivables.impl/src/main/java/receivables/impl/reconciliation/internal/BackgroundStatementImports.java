package receivables.impl.reconciliation.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.Tuple;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.ReceivablesException;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.statement.Direction;
import receivables.api.statement.ImportNote;
import receivables.api.statement.ImportStatus;
import receivables.api.statement.ImportedStatement;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementImport;
import receivables.api.statement.StatementImports;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;
import receivables.impl.background.internal.Lease;
import receivables.impl.background.internal.LeasedRuns;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.LostLeaseException;
import receivables.impl.background.internal.RunLifecycle;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.KeptFiles;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.reconciliation.internal.ImportedLines.Read;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.validation.internal.ValueRanges;

/**
 * Imports bank statements in the background, each import under its lease, on whichever node holds it. The file is
 * kept in the database until it is imported and read twice as a stream: first to check it completely (a malformed
 * file is rejected before anything is imported), then to import its lines in batches, each batch one transaction
 * that also records the progress, so that any node can report it and a node that takes over the import of a node
 * that died goes on after the last batch committed. Memory holds one batch, one piece of the file and the open
 * invoices that batch's lines can match, looked up for it (see {@link OpenInvoices}), never the file nor all of the
 * tenant's open invoices.
 *
 * <p>Besides its lines an import keeps each statement's balances, the reader's warnings and the lines it
 * rejected (an amount beyond what can be booked), so that one absurd line never fails the file. A credit line
 * of an interim report (MT942, camt.052) is imported only when it carries the bank's reference, which the
 * statement repeats so that it is recognised there; without one it is only counted as announced and booked
 * when the statement arrives, so that it is never booked twice. A booked line settles the bank-transfer
 * intent waiting for the invoice it paid (see {@link StoredPaymentIntents#paidByTransfer}).
 */
@Component(service = { StatementImports.class, BackgroundStatementImports.class },
        configurationPid = ReconciliationConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReconciliationConfiguration.class)
public class BackgroundStatementImports implements StatementImports {

    static final int BATCH_SIZE = 500;
    static final int HEAD_BYTES = 8192;
    /** What an import fills: their statistics are brought up to date when it ends. */
    static final List<String> IMPORTED_TABLES = List.of("bank_statement_line", "suspense_item", "suspense_candidate",
            "payment", "allocation", "journal_entry", "journal_line", "audit_record");
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundStatementImports.class);
    private static final KeptFiles UPLOADS = new KeptFiles("bank_statement_upload");

    private final Database database;
    private final StoredPayments payments;
    private final StoredPaymentIntents intents;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final TableStatistics statistics;
    private final PersonalDataKeys personalDataKeys;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();

    // Formats come and go with their bundles; an import reads with the ones installed when it runs.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<StatementFormat> formats = List.of();

    private volatile int matchThreshold = ReconciliationConfiguration.DEFAULT_MATCH_THRESHOLD;
    private LeasedRuns imports;

    @Activate
    public BackgroundStatementImports(@Reference Database database, @Reference StoredPayments payments,
            @Reference StoredPaymentIntents intents, @Reference Leases leases, @Reference TenantDirectory tenants,
            @Reference TableStatistics statistics, @Reference PersonalDataKeys personalDataKeys) {
        this(database, payments, intents, leases, tenants, statistics, personalDataKeys, List.of());
    }

    /** Imports that read {@code formats}, for use without the framework; start them with {@link #activate}. */
    public BackgroundStatementImports(Database database, StoredPayments payments, StoredPaymentIntents intents,
            Leases leases, TenantDirectory tenants, TableStatistics statistics, PersonalDataKeys personalDataKeys,
            List<StatementFormat> formats) {
        this(database, payments, intents, leases, tenants, statistics, personalDataKeys, formats, BATCH_SIZE);
    }

    /** Imports that commit every {@code batchSize} lines; 1 books line by line, as tests compare with. */
    BackgroundStatementImports(Database database, StoredPayments payments, StoredPaymentIntents intents,
            Leases leases, TenantDirectory tenants, TableStatistics statistics, PersonalDataKeys personalDataKeys,
            List<StatementFormat> formats, int batchSize) {
        this.batchSize = batchSize;
        this.database = database;
        this.payments = payments;
        this.intents = intents;
        this.leases = leases;
        this.tenants = tenants;
        this.statistics = statistics;
        this.personalDataKeys = personalDataKeys;
        this.formats = List.copyOf(formats);
    }

    /** Starts taking up imports; an activate method of its own, so that DS has bound the formats first. */
    @Activate
    public void activate(ReconciliationConfiguration configuration) {
        configure(configuration);
        imports = LeasedRuns.start("statement-import", this::running, this::run, leases, tenants::enabledTenants);
    }

    private List<UUID> running(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createNativeQuery("select id from"
                        + " bank_statement_import where tenant_id = :tenant and status = 'RUNNING'", Object.class)
                .setParameter("tenant", tenant.value()).getResultStream().map(NativeValues::uuid).toList());
    }

    @Modified
    void configure(ReconciliationConfiguration configuration) {
        int threshold = configuration.matchThreshold();
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("matchThreshold must be 0 to 100, not " + threshold);
        }
        matchThreshold = threshold;
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        imports.stop();
    }

    /**
     * Keeps the file in the database, in the same transaction as the import it starts, so that any node can import
     * it, and starts the import on this node. A body that is empty, in no format installed here, or cut off is
     * refused, and then nothing is kept.
     */
    @Override
    public StatementImport start(TenantId tenant, InputStream content) {
        byte[] head;
        try {
            head = content.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw KeptFiles.unreadable(e);
        }
        if (head.length == 0) {
            throw new InvalidRequestException(FieldViolation.of("body", "is empty: send the statement file"));
        }
        StatementFormat format = formats.stream().filter(candidate -> candidate.recognises(head)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(FieldViolation.of("body", "is no bank statement in a"
                        + " format installed here (" + String.join(", ", formats.stream().map(StatementFormat::id)
                                .sorted().toList()) + ")")));
        UUID id = UUID.randomUUID();
        StatementImport started = database.inTransaction(tenant, session -> {
            session.createNativeMutationQuery("insert into bank_statement_import (tenant_id, id, status, format,"
                            + " file_size, lines_read, matched, suspended, skipped, duplicates, started_at)"
                            + " values (:tenant, :id, 'RUNNING', :format, 0, 0, 0, 0, 0, 0, :now)")
                    .setParameter("tenant", tenant.value()).setParameter("id", id)
                    .setParameter("format", format.id()).setParameter("now", now())
                    .executeUpdate();
            long size = UPLOADS.keep(session, tenant, id, new SequenceInputStream(
                    new ByteArrayInputStream(head), content));
            session.createNativeMutationQuery("update bank_statement_import set file_size = :size"
                            + " where tenant_id = :tenant and id = :id")
                    .setParameter("size", size).setParameter("tenant", tenant.value()).setParameter("id", id)
                    .executeUpdate();
            return find(session, tenant, id).orElseThrow();
        });
        imports.submitOrLeave(tenant, id);
        return started;
    }

    @Override
    public Optional<StatementImport> find(TenantId tenant, UUID importId) {
        return database.inTransaction(tenant, session -> find(session, tenant, importId));
    }

    @Override
    public Page<StatementImport> list(TenantId tenant, PageRequest page) {
        PageRequest request = page == null ? PageRequest.first() : page;
        return database.inTransaction(tenant, session -> {
            long total = session.createNativeQuery("select count(*) from bank_statement_import where tenant_id = :tenant",
                    Long.class).setParameter("tenant", tenant.value()).getSingleResult();
            List<NativeRow> rows = NativeRow.list(session.createNativeQuery("select " + IMPORT_COLUMNS
                            + " from bank_statement_import where tenant_id = :tenant order by started_at desc, id",
                            Tuple.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult(request.offset()).setMaxResults(request.size()));
            Map<UUID, List<ImportNote>> notes = notes(session, tenant, rows.stream().map(row -> row.uuid("id")).toList());
            List<StatementImport> items = rows.stream()
                    .map(row -> statementImport(row, notes.getOrDefault(row.uuid("id"), List.of()))).toList();
            return new Page<>(items, request.page(), request.size(), total);
        });
    }

    @Override
    public Page<ImportedStatement> statements(TenantId tenant, UUID importId, PageRequest page) {
        PageRequest request = page == null ? PageRequest.first() : page;
        return database.inTransaction(tenant, session -> {
            if (find(session, tenant, importId).isEmpty()) {
                throw new NotFoundException("bank statement", importId);
            }
            long total = session.createNativeQuery("select count(*) from bank_statement where tenant_id = :tenant"
                            + " and import_id = :import", Long.class)
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .getSingleResult();
            List<ImportedStatement> items = NativeRow.list(session.createNativeQuery("select statement_number,"
                            + " statement_id, account, currency, opening_currency, opening_balance, closing_currency,"
                            + " closing_balance, from_date, to_date, line_count, interim from bank_statement"
                            + " where tenant_id = :tenant and import_id = :import order by statement_number", Tuple.class)
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setFirstResult(request.offset()).setMaxResults(request.size()))
                    .stream()
                    .map(row -> new ImportedStatement(row.integer("statement_number"), row.text("statement_id"),
                            row.text("account"), row.text("currency"), row.money("opening_currency", "opening_balance"),
                            row.money("closing_currency", "closing_balance"), row.date("from_date"), row.date("to_date"),
                            row.number("line_count"), row.flag("interim")))
                    .toList();
            return new Page<>(items, request.page(), request.size(), total);
        });
    }

    private static final String IMPORT_COLUMNS = "id, status, format, file_size, lines_read, matched, suspended,"
            + " skipped, duplicates, rejected, announced, location, problem, started_at, finished_at";

    private static Optional<StatementImport> find(Session session, TenantId tenant, UUID importId) {
        return NativeRow.list(session.createNativeQuery("select " + IMPORT_COLUMNS + " from bank_statement_import"
                        + " where tenant_id = :tenant and id = :id", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", importId))
                .stream().findFirst()
                .map(row -> statementImport(row, notes(session, tenant, List.of(importId)).getOrDefault(importId, List.of())));
    }

    private static StatementImport statementImport(NativeRow row, List<ImportNote> notes) {
        return new StatementImport(row.uuid("id"), ImportStatus.valueOf(row.text("status")), row.text("format"),
                row.number("file_size"), row.number("lines_read"), row.number("matched"), row.number("suspended"),
                row.number("skipped"), row.number("duplicates"), row.number("rejected"), row.number("announced"),
                row.text("location"), row.text("problem"), row.instant("started_at"), row.instant("finished_at"), notes);
    }

    /** The notes of the imports, in one query, each import's in their order. */
    private static Map<UUID, List<ImportNote>> notes(Session session, TenantId tenant, List<UUID> importIds) {
        Map<UUID, List<ImportNote>> notes = new HashMap<>();
        if (importIds.isEmpty()) {
            return notes;
        }
        NativeRow.list(session.createNativeQuery("select import_id, kind, location, message from bank_statement_note"
                        + " where tenant_id = :tenant and import_id in (:imports) order by import_id, note_number",
                        Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("imports", importIds))
                .forEach(row -> notes.computeIfAbsent(row.uuid("import_id"), id -> new ArrayList<>()).add(
                        new ImportNote(ImportNote.Kind.valueOf(row.text("kind")), row.text("location"),
                                row.text("message"))));
        return notes;
    }

    /**
     * Does the import, or what is left of it: the file is checked completely again, then its lines after the last
     * batch committed are imported. Returns early, the import still running, when this node stops or loses the
     * lease; the node that takes it over goes on from there.
     */
    private void run(TenantId tenant, UUID importId, Lease lease) {
        Optional<StatementImport> current = find(tenant, importId);
        if (current.isEmpty() || current.get().status() != ImportStatus.RUNNING) {
            return;
        }
        Progress progress = new Progress(current.get());
        Optional<StatementFormat> format = formats.stream().filter(f -> f.id().equals(current.get().format())).findFirst();
        if (format.isEmpty()) {
            finish(tenant, importId, lease, progress, ImportStatus.FAILED, null, "the " + current.get().format()
                    + " format is not installed on the node that imported the file; import the file again");
            return;
        }
        try {
            try (InputStream in = new BufferedInputStream(UPLOADS.read(database, tenant, importId))) {
                format.get().read(in, new Checking(lease));
            }
            Importing importing = new Importing(tenant, importId, progress, lease);
            try (InputStream in = new BufferedInputStream(UPLOADS.read(database, tenant, importId))) {
                format.get().read(in, importing);
            }
            importing.flush();
            importing.noteWhatWasLeftOut();
            if (!stopped(lease)) {
                statistics.analyze(tenant, IMPORTED_TABLES);
                finish(tenant, importId, lease, progress, ImportStatus.COMPLETED, null, null);
            }
        } catch (MalformedStatementException e) {
            if (progress.read == 0) {
                finish(tenant, importId, lease, progress, ImportStatus.REJECTED, e.location(), e.getMessage());
            } else {
                finish(tenant, importId, lease, progress, ImportStatus.FAILED, e.location(),
                        "the file changed while it was read: " + e.getMessage());
            }
        } catch (Stopped e) {
            LOG.info("Statement import {} of tenant {} is left for another node to resume", importId, tenant);
        } catch (IOException | RuntimeException e) {
            if (stopped(lease)) {
                LOG.info("Statement import {} of tenant {} is left for another node to resume", importId, tenant, e);
                return;
            }
            LOG.error("Statement import {} of tenant {} stopped", importId, tenant, e);
            finish(tenant, importId, lease, progress, ImportStatus.FAILED, null, "stopped by an unexpected failure ("
                    + e.getClass().getSimpleName() + "); import the file again: the lines imported so far are "
                    + "recognised and not imported twice");
        }
    }

    /**
     * Imports one batch in one transaction, which also records the import's progress with it, so that a node taking
     * the import over goes on exactly after it; when that fails, line by line, so that only the culprit is set aside.
     */
    private void importBatch(TenantId tenant, UUID importId, List<Read> batch, Importing importing) {
        try {
            importing.apply(database.inTransaction(tenant, (session, tx) -> {
                return importing.importAndRecord(session, tx, batch, null);
            }));
        } catch (LostLeaseException lost) {
            throw lost;
        } catch (RuntimeException batchFailed) {
            LOG.info("Statement import {} of tenant {} imports a batch of {} lines again line by line: {}", importId,
                    tenant, batch.size(), batchFailed.toString());
            for (Read read : batch) {
                Imported imported;
                try {
                    imported = database.inTransaction(tenant, (session, tx) -> {
                        return importing.importAndRecord(session, tx, List.of(read), null);
                    });
                } catch (ReceivablesException lineFailed) {
                    imported = database.inTransaction(tenant, (session, tx) -> {
                        return importing.importAndRecord(session, tx, List.of(read), lineFailed.getMessage());
                    });
                }
                importing.apply(imported);
            }
        }
    }

    /**
     * Imports lines in the caller's transaction: debits are counted and left, lines known already are counted
     * as duplicates, credit lines matched surely enough become payments, the others suspense items. Each line is
     * matched against the invoices as the lines before it leave them: in a batch of several lines, as matching
     * foresees that their payments go (each invoice named takes what it has open, in turn), so that all of them
     * are booked together; when booking went otherwise (an early-payment discount, a small difference written off
     * that closed an invoice), the batch is refused and its lines are imported one by one. The invoices the lines can
     * match are looked up in the same transaction, as the batches before left them.
     *
     * @param failure why booking the line failed before, to leave it to a clerk; {@code null} to match it
     */
    private Imported importLines(Session session, UnitOfWork tx, TenantId tenant, UUID importId, List<Read> lines,
            String failure) {
        Imported imported = new Imported();
        Set<String> known = new HashSet<>(session.createNativeQuery("select line_key from bank_statement_line"
                        + " where tenant_id = :tenant and line_key in (:keys)", String.class)
                .setParameter("tenant", tenant.value())
                .setParameterList("keys", lines.stream().map(Read::key).toList())
                .getResultList());
        TenantCipher cipher = personalDataKeys.cipher(session);
        Map<String, Set<UUID>> payers = knownPayers(session, tenant, cipher, lines);
        OpenInvoices open = OpenInvoices.forLines(session, tenant, lines.stream()
                .filter(read -> !known.contains(read.key())).map(Read::line).toList(),
                payers.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        boolean foresee = lines.size() > 1;
        List<Booking> bookings = new ArrayList<>();
        List<ImportedLines.Stored> stored = new ArrayList<>();
        List<ImportedLines.Suspense> suspense = new ArrayList<>();
        for (Read read : lines) {
            StatementLine line = read.line();
            imported.read++;
            if (line.direction() == Direction.DEBIT) {
                imported.skipped++;
                continue;
            }
            if (!known.add(read.key())) {
                imported.duplicates++;
                continue;
            }
            UUID lineId = UUID.randomUUID();
            LineMatch match = LineMatching.match(line, open,
                    payers.getOrDefault(cipher.ibanIndex(line.counterpartyIban()), Set.of()));
            if (failure == null && match.sureEnough(matchThreshold)) {
                bookings.add(new Booking(lineId, read, match, ImportedLines.payment(read.key(), line,
                        match.customerId(), match.invoices().stream().map(OpenInvoice::id).toList(), LocalDate.now(clock)),
                        foresee ? open.pay(match.invoices(), line.amount()) : Map.of()));
                imported.matched++;
            } else {
                List<MatchCandidate> candidates = new ArrayList<>(match.candidates());
                if (failure != null) {
                    candidates.add(0, new MatchCandidate(null, null, null, 0, "could not be booked: " + failure));
                }
                stored.add(new ImportedLines.Stored(lineId, read, ImportedLines.SUSPENDED, match.confidence(), null, null));
                suspense.add(new ImportedLines.Suspense(lineId,
                        candidates.subList(0, Math.min(candidates.size(), LineMatching.MAX_CANDIDATES + 1))));
                imported.suspended++;
            }
        }
        List<Payment> booked = payments.recordAll(session, tx, tenant,
                bookings.stream().map(Booking::payment).toList());
        for (int i = 0; i < bookings.size(); i++) {
            Booking booking = bookings.get(i);
            Payment payment = booked.get(i);
            if (foresee && !booking.foreseen().equals(perInvoice(payment))) {
                throw new UnforeseenAllocation(payment);
            }
            stored.add(new ImportedLines.Stored(booking.lineId(), booking.read(), ImportedLines.MATCHED,
                    booking.match().confidence(), booking.match().customerId(), payment.id()));
        }
        intents.paidByTransfer(session, booked, "statement", "import " + importId);
        ImportedLines.insert(session, tenant.value(), cipher, importId, stored);
        ImportedLines.suspend(session, tenant.value(), importId, suspense, now());
        if (foresee) {
            leftOpen(session, tenant, booked).forEach((invoice, left) -> {
                if (!open.openOf(invoice, left.currency()).equals(left)) {
                    throw new UnforeseenAllocation(invoice, left);
                }
            });
        }
        return imported;
    }

    /**
     * What the invoices {@code payments} paid have open now that they are booked: nothing for one they closed, be it
     * by allocation, early-payment discount or a small difference written off.
     */
    private static Map<UUID, Money> leftOpen(Session session, TenantId tenant, List<Payment> payments) {
        List<UUID> paid = payments.stream().flatMap(payment -> payment.allocations().stream())
                .map(allocation -> allocation.invoiceId()).distinct().toList();
        Map<UUID, Money> left = new HashMap<>();
        if (paid.isEmpty()) {
            return left;
        }
        NativeRow.list(session.createNativeQuery("select id, status, currency, open_amount from invoice"
                        + " where tenant_id = :tenant and id in (:paid)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("paid", paid))
                .forEach(row -> left.put(row.uuid("id"), OpenInvoices.OPEN_STATUSES.contains(row.text("status"))
                        ? row.money("currency", "open_amount") : Money.zero(row.text("currency"))));
        return left;
    }

    /** What {@code payment} allocated to each invoice. */
    private static Map<UUID, Money> perInvoice(Payment payment) {
        Map<UUID, Money> allocated = new HashMap<>();
        payment.allocations().forEach(allocation -> allocated.merge(allocation.invoiceId(), allocation.amount(),
                Money::plus));
        return allocated;
    }

    /** A line matched surely enough, the payment it is, and what matching foresaw that payment allocates. */
    private record Booking(UUID lineId, Read read, LineMatch match, PaymentRequest payment, Map<UUID, Money> foreseen) {
    }

    /** Booking went otherwise than matching foresaw: the lines after it were matched on a wrong picture. */
    private static final class UnforeseenAllocation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnforeseenAllocation(Payment payment) {
            super("payment " + payment.number() + " allocated " + perInvoice(payment) + ", not what matching foresaw");
        }

        UnforeseenAllocation(UUID invoiceId, Money left) {
            super("invoice " + invoiceId + " has " + left + " open after booking, not what matching foresaw");
        }
    }

    /**
     * The customers each payer IBAN of the lines (by its index) names: the customers whose account has that IBAN, and
     * those it paid for before. Both are found by the keyed hash, the payers' IBANs being stored sealed.
     */
    private static Map<String, Set<UUID>> knownPayers(Session session, TenantId tenant, TenantCipher cipher,
            List<Read> lines) {
        List<String> indexes = lines.stream().map(read -> cipher.ibanIndex(read.line().counterpartyIban()))
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Set<UUID>> payers = new HashMap<>();
        if (indexes.isEmpty()) {
            return payers;
        }
        NativeRow.list(session.createNativeQuery("select distinct counterparty_iban_index as iban_index, customer_id"
                        + " from bank_statement_line where tenant_id = :tenant and counterparty_iban_index in (:indexes)"
                        + " and customer_id is not null union select iban_index, id as customer_id from customer_account"
                        + " where tenant_id = :tenant and iban_index in (:indexes)", Tuple.class)
                .setParameter("tenant", tenant.value())
                .setParameterList("indexes", indexes))
                .forEach(row -> payers.computeIfAbsent(row.text("iban_index"), index -> new HashSet<>())
                        .add(row.uuid("customer_id")));
        return payers;
    }

    /**
     * Records in the caller's transaction the progress that {@code imported} brings, and returns it; refuses, rolling
     * the transaction back, when the lease was taken over meanwhile.
     */
    private Imported record(Session session, TenantId tenant, UUID importId, Lease lease, Progress progress,
            Imported imported) {
        leases.confirm(session, lease);
        session.createNativeMutationQuery("update bank_statement_import"
                        + " set lines_read = :read, matched = :matched, suspended = :suspended, skipped = :skipped,"
                        + " duplicates = :duplicates, rejected = :rejected, announced = :announced"
                        + " where tenant_id = :tenant and id = :id")
                .setParameter("read", progress.read + imported.read)
                .setParameter("matched", progress.matched + imported.matched)
                .setParameter("suspended", progress.suspended + imported.suspended)
                .setParameter("skipped", progress.skipped + imported.skipped)
                .setParameter("duplicates", progress.duplicates + imported.duplicates)
                .setParameter("rejected", progress.rejected).setParameter("announced", progress.announced)
                .setParameter("tenant", tenant.value()).setParameter("id", importId)
                .executeUpdate();
        return imported;
    }

    /** Ends the import with {@code status}; the file it kept is no longer needed. */
    private void finish(TenantId tenant, UUID importId, Lease lease, Progress progress, ImportStatus status,
            String location, String problem) {
        database.inTransaction(tenant, (session, tx) -> {
            record(session, tenant, importId, lease, progress, new Imported());
            ImportStatus current = ImportStatus.valueOf(session.createNativeQuery(
                            "select status from bank_statement_import where tenant_id = :tenant and id = :id", String.class)
                    .setParameter("tenant", tenant.value()).setParameter("id", importId).getSingleResult());
            session.createNativeMutationQuery("update bank_statement_import"
                            + " set status = :status, location = :location, problem = :problem, finished_at = :now"
                            + " where tenant_id = :tenant and id = :id")
                    .setParameter("status", RunLifecycle.STATEMENT_IMPORTS.move(current, status).name())
                    .setParameter("location", NativeValues.clip(location, 200), String.class)
                    .setParameter("problem", NativeValues.clip(problem, 1000), String.class)
                    .setParameter("now", now())
                    .setParameter("tenant", tenant.value()).setParameter("id", importId)
                    .executeUpdate();
            UPLOADS.forget(session, tenant, importId);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The first reading: only whether the file keeps its format to the end. */
    private static final class Checking implements StatementSink {

        private final Lease lease;

        Checking(Lease lease) {
            this.lease = lease;
        }

        @Override
        public void statement(StatementHeader header) {
            stopIfStopped(lease);
        }

        @Override
        public void line(StatementLine line) {
            stopIfStopped(lease);
        }
    }

    /**
     * The second reading: lines gathered into batches, each imported when full; each statement kept with its
     * balances when it ends, each warning as it comes.
     */
    private final class Importing implements StatementSink {

        private final TenantId tenant;
        private final UUID importId;
        private final Progress progress;
        private final Lease lease;
        private final long alreadyRead;
        private final LineKeys keys = new LineKeys();
        private final List<Read> batch = new ArrayList<>();
        private StatementHeader statement;
        private int statements;
        private long statementLines;
        private long seen;
        private int notes;

        Importing(TenantId tenant, UUID importId, Progress progress, Lease lease) {
            this.tenant = tenant;
            this.importId = importId;
            this.progress = progress;
            this.lease = lease;
            this.alreadyRead = progress.read;
        }

        @Override
        public void statement(StatementHeader header) {
            statement = header;
            statements++;
            statementLines = 0;
        }

        @Override
        public void line(StatementLine line) {
            stopIfStopped(lease);
            statementLines++;
            // every line passes through the keys, which count lines that share a reference, and through the notes,
            // which are numbered in reading order; the lines read before a takeover are counted and imported once
            String key = keys.key(statement, line);
            boolean readBefore = seen++ < alreadyRead;
            String amountProblem = ValueRanges.decimalProblem(line.amount().amount());
            if (amountProblem != null) {
                if (!readBefore) {
                    progress.read++;
                    progress.rejected++;
                }
                note(ImportNote.Kind.LINE_REJECTED, "statement " + statement.statementId() + " line " + line.sequence(),
                        "the amount " + line.amount() + " cannot be booked: it " + amountProblem
                                + "; the line is not imported");
                return;
            }
            if (statement.interim() && line.direction() == Direction.CREDIT && !LineKeys.identifiesMovement(line)) {
                if (!readBefore) {
                    progress.read++;
                    progress.announced++;
                }
                return;
            }
            if (readBefore) {
                return;
            }
            batch.add(new Read(key, statement.accountIban(), line));
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void end(StatementHeader header) {
            int number = statements;
            Money opening = balance(header.openingBalance(), number, "opening");
            Money closing = balance(header.closingBalance(), number, "closing");
            long lines = statementLines;
            database.inTransaction(tenant, session -> alreadyKept(session, "bank_statement", "statement_number", number)
                    ? 0 : session.createNativeMutationQuery("insert into bank_statement"
                            + " (tenant_id, import_id, statement_number, statement_id, account, currency, opening_currency,"
                            + " opening_balance, closing_currency, closing_balance, from_date, to_date, line_count, interim)"
                            + " values (:tenant, :import, :number, :statement, :account, :currency, :openingCurrency,"
                            + " :opening, :closingCurrency, :closing, :from, :to, :lines, :interim)")
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setParameter("number", number)
                    .setParameter("statement", NativeValues.clip(header.statementId(), 140), String.class)
                    .setParameter("account", NativeValues.clip(header.accountIban(), 70), String.class)
                    .setParameter("currency", currency(header.accountCurrency()), String.class)
                    .setParameter("openingCurrency", opening == null ? null : opening.currency(), String.class)
                    .setParameter("opening", opening == null ? null : opening.amount(), BigDecimal.class)
                    .setParameter("closingCurrency", closing == null ? null : closing.currency(), String.class)
                    .setParameter("closing", closing == null ? null : closing.amount(), BigDecimal.class)
                    .setParameter("from", header.from(), LocalDate.class)
                    .setParameter("to", header.to(), LocalDate.class)
                    .setParameter("lines", lines)
                    .setParameter("interim", header.interim())
                    .executeUpdate());
        }

        @Override
        public void warning(String location, String message) {
            note(ImportNote.Kind.WARNING, location, message);
        }

        /** A balance as it can be kept: one too large for the ledger's columns is left out, with a warning. */
        private Money balance(Money balance, int number, String which) {
            String problem = balance == null ? null : ValueRanges.decimalProblem(balance.amount());
            if (problem == null) {
                return balance;
            }
            note(ImportNote.Kind.WARNING, "statement " + number, "the " + which + " balance " + balance
                    + " cannot be kept: it " + problem + "; it is left out");
            return null;
        }

        private String currency(String code) {
            return code != null && Money.isCurrency(code) ? code : null;
        }

        private void note(ImportNote.Kind kind, String location, String message) {
            notes++;
            if (notes <= StatementImport.MAX_NOTES) {
                insertNote(notes, kind, location, message);
            }
        }

        /** Says how many notes were not kept, when there were more than an import keeps. */
        void noteWhatWasLeftOut() {
            if (notes > StatementImport.MAX_NOTES) {
                insertNote(StatementImport.MAX_NOTES + 1, ImportNote.Kind.WARNING, "file", (notes - StatementImport.MAX_NOTES)
                        + " more warnings and rejected lines, not kept");
            }
        }

        private void insertNote(int number, ImportNote.Kind kind, String location, String message) {
            database.inTransaction(tenant, session -> alreadyKept(session, "bank_statement_note", "note_number", number)
                    ? 0 : session.createNativeMutationQuery("insert into bank_statement_note"
                            + " (tenant_id, import_id, note_number, kind, location, message) values (:tenant, :import,"
                            + " :number, :kind, :location, :message)")
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setParameter("number", number).setParameter("kind", kind.name())
                    .setParameter("location", NativeValues.clip(location, 200), String.class)
                    .setParameter("message", NativeValues.clip(message, 1000), String.class)
                    .executeUpdate());
        }

        /** Whether row {@code number} of the import is kept already: an import read again keeps each row once. */
        private boolean alreadyKept(Session session, String table, String numberColumn, int number) {
            return session.createNativeQuery("select count(*) from " + table + " where tenant_id = :tenant"
                            + " and import_id = :import and " + numberColumn + " = :number", Long.class)
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setParameter("number", number).getSingleResult() > 0;
        }

        /** Imports {@code lines} in the caller's transaction and records the progress they bring with them. */
        Imported importAndRecord(Session session, UnitOfWork tx, List<Read> lines, String failure) {
            return record(session, tenant, importId, lease, progress, importLines(session, tx, tenant, importId, lines,
                    failure));
        }

        void flush() {
            if (!batch.isEmpty()) {
                importBatch(tenant, importId, batch, this);
                batch.clear();
            }
        }

        /** Counts what a committed transaction imported. */
        void apply(Imported imported) {
            progress.read += imported.read;
            progress.matched += imported.matched;
            progress.suspended += imported.suspended;
            progress.skipped += imported.skipped;
            progress.duplicates += imported.duplicates;
        }
    }

    private static boolean stopped(Lease lease) {
        return Thread.currentThread().isInterrupted() || !lease.held();
    }

    private static void stopIfStopped(Lease lease) {
        if (stopped(lease)) {
            throw new Stopped();
        }
    }

    /** The node is stopping, or lost the lease: the reading ends here. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** What one transaction imported. */
    private static final class Imported {
        long read;
        long matched;
        long suspended;
        long skipped;
        long duplicates;
    }

    /** What one import has achieved so far, as last committed and then by this node; touched by its runner thread. */
    private static final class Progress {
        long read;
        long matched;
        long suspended;
        long skipped;
        long duplicates;
        long rejected;
        long announced;

        Progress(StatementImport committed) {
            read = committed.linesRead();
            matched = committed.matched();
            suspended = committed.suspended();
            skipped = committed.skipped();
            duplicates = committed.duplicates();
            rejected = committed.rejected();
            announced = committed.announced();
        }
    }
}
