package receivables.impl.history.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.Tuple;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImport;
import receivables.api.history.HistoryImportStatus;
import receivables.api.history.HistoryImports;
import receivables.api.money.Money;
import receivables.impl.background.internal.Lease;
import receivables.impl.background.internal.LeasedRuns;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.LostLeaseException;
import receivables.impl.background.internal.RunLifecycle;
import receivables.impl.customer.internal.StoredCustomerAccounts;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.ledger.internal.LedgerHistory;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.KeptFiles;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.TableStatistics;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Imports history files. A file is read once as it arrives, through the {@link HistoryCheck}, and kept in the
 * database in the same transaction; an invalid file rolls that transaction back, so nothing of it stays. A valid
 * one is stored in the background under a lease, on whichever node holds it: the kept file is read again and its
 * records stored in batches, each one transaction that also records the progress, so that a node taking over a
 * dead node's import goes on after the last batch committed. Then each invoice of the import is finished, also in
 * batches: settled on its paid date by what its payments left open, or, still open, journalled as an opening
 * balance on the day the file was received.
 */
@Component(service = { HistoryImports.class, BackgroundHistoryImports.class })
public class BackgroundHistoryImports implements HistoryImports {

    /** What an import fills: their statistics are brought up to date when it ends. */
    static final List<String> IMPORTED_TABLES = List.of("customer_account", "invoice", "invoice_line", "installment",
            "payment", "allocation", "journal_entry", "journal_line", "history_record", "audit_record");
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundHistoryImports.class);
    private static final KeptFiles UPLOADS = new KeptFiles("history_upload");
    private static final String COLUMNS = "id, status, format, file_size, record_count, records_stored, customers,"
            + " invoices, payments, unchanged, invoices_settled, opening_balances, opening_date, problem, started_at,"
            + " finished_at";

    private final Database database;
    private final StoredCustomerAccounts customers;
    private final LedgerHistory ledger;
    private final StoredExchangeRates rates;
    private final Leases leases;
    private final TenantDirectory tenants;
    private final TableStatistics statistics;
    private final LeasedRuns imports;

    Clock clock = Clock.systemUTC();

    @Activate
    public BackgroundHistoryImports(@Reference Database database, @Reference StoredCustomerAccounts customers,
            @Reference LedgerHistory ledger, @Reference StoredExchangeRates rates, @Reference Leases leases,
            @Reference TenantDirectory tenants, @Reference TableStatistics statistics) {
        this.database = database;
        this.customers = customers;
        this.ledger = ledger;
        this.rates = rates;
        this.leases = leases;
        this.tenants = tenants;
        this.statistics = statistics;
        this.imports = LeasedRuns.start("history-import", this::running, this::run, leases, tenants::enabledTenants);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        imports.stop();
    }

    private List<UUID> running(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createNativeQuery("select id from history_import"
                        + " where tenant_id = :tenant and status = 'RUNNING'", Object.class)
                .setParameter("tenant", tenant.value()).getResultStream().map(NativeValues::uuid).toList());
    }

    @Override
    public HistoryImport start(TenantId tenant, HistoryFormat format, InputStream content) {
        if (format == null) {
            throw new InvalidRequestException(FieldViolation.of("format", "is required: CSV or JSON"));
        }
        UUID id = UUID.randomUUID();
        LocalDate openingDate = LocalDate.now(clock.withZone(tenants.timeZone(tenant)));
        HistoryImport started = database.inTransaction(tenant, session -> {
            session.createNativeMutationQuery("insert into history_import (tenant_id, id, status, format, file_size,"
                            + " record_count, records_stored, customers, invoices, payments, unchanged, invoices_settled,"
                            + " opening_balances, opening_date, started_at) values (:tenant, :id, 'RUNNING', :format, 0,"
                            + " 0, 0, 0, 0, 0, 0, 0, 0, :opening, :now)")
                    .setParameter("tenant", tenant.value()).setParameter("id", id)
                    .setParameter("format", format.name()).setParameter("opening", openingDate)
                    .setParameter("now", now())
                    .executeUpdate();
            KeptFiles.Keeping kept = UPLOADS.keeping(session, tenant, id, content);
            HistoryCheck check = new HistoryCheck(stored(session, tenant, openingDate), openingDate);
            HistoryReader.of(format).read(kept, check);
            long size = kept.finish();
            check.end();
            session.createNativeMutationQuery("update history_import set file_size = :size, record_count = :records"
                            + " where tenant_id = :tenant and id = :id")
                    .setParameter("size", size).setParameter("records", check.records())
                    .setParameter("tenant", tenant.value()).setParameter("id", id)
                    .executeUpdate();
            return find(session, tenant, id).orElseThrow();
        });
        imports.submitOrLeave(tenant, id);
        return started;
    }

    @Override
    public Optional<HistoryImport> find(TenantId tenant, UUID importId) {
        return database.inTransaction(tenant, session -> find(session, tenant, importId));
    }

    private static Optional<HistoryImport> find(Session session, TenantId tenant, UUID importId) {
        return NativeRow.list(session.createNativeQuery("select " + COLUMNS + " from history_import"
                        + " where tenant_id = :tenant and id = :id", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", importId))
                .stream().findFirst()
                .map(row -> new HistoryImport(row.uuid("id"), HistoryImportStatus.valueOf(row.text("status")),
                        HistoryFormat.valueOf(row.text("format")), row.number("file_size"), row.number("record_count"),
                        row.number("records_stored"), row.number("customers"), row.number("invoices"),
                        row.number("payments"), row.number("unchanged"), row.number("invoices_settled"),
                        row.number("opening_balances"), row.date("opening_date"), row.text("problem"),
                        row.instant("started_at"), row.instant("finished_at")));
    }

    private StoredHistory stored(Session session, TenantId tenant, LocalDate openingDate) {
        return new StoredHistory(session, tenant, tenants.settings(tenant).functionalCurrency(), rates, openingDate);
    }

    /**
     * Stores what is left of the import: its records after the last batch committed, then its invoices not yet
     * finished. Returns early, the import still running, when this node stops or loses the lease.
     */
    private void run(TenantId tenant, UUID importId, Lease lease) {
        Optional<HistoryImport> current = find(tenant, importId);
        if (current.isEmpty() || current.get().status() != HistoryImportStatus.RUNNING) {
            return;
        }
        Storing storing = new Storing(tenant, current.get(), lease);
        try {
            try (InputStream in = new BufferedInputStream(UPLOADS.read(database, tenant, importId))) {
                HistoryReader.of(current.get().format()).read(in, storing);
            }
            storing.flush();
            while (!stopped(lease) && storing.finishInvoices()) {
                // each round finishes one batch of invoices in its own transaction
            }
            if (!stopped(lease)) {
                statistics.analyze(tenant, IMPORTED_TABLES);
                end(tenant, importId, lease, HistoryImportStatus.COMPLETED, null);
            }
        } catch (Stopped | LostLeaseException e) {
            LOG.info("History import {} of tenant {} is left for another node to resume", importId, tenant);
        } catch (IOException | RuntimeException e) {
            if (stopped(lease)) {
                LOG.info("History import {} of tenant {} is left for another node to resume", importId, tenant, e);
                return;
            }
            LOG.error("History import {} of tenant {} stopped", importId, tenant, e);
            end(tenant, importId, lease, HistoryImportStatus.FAILED, e instanceof Refused ? e.getMessage()
                    : "stopped by an unexpected failure (" + e.getClass().getSimpleName() + "); import the file again:"
                    + " the records stored so far are recognised and not stored twice");
        }
    }

    /** Ends the import with {@code status}; the file it kept is no longer needed. */
    private void end(TenantId tenant, UUID importId, Lease lease, HistoryImportStatus status, String problem) {
        database.inTransaction(tenant, (session, tx) -> {
            leases.confirm(session, lease);
            HistoryImportStatus current = HistoryImportStatus.valueOf(session.createNativeQuery(
                            "select status from history_import where tenant_id = :tenant and id = :id", String.class)
                    .setParameter("tenant", tenant.value()).setParameter("id", importId).getSingleResult());
            session.createNativeMutationQuery("update history_import set status = :status, problem = :problem,"
                            + " finished_at = :now where tenant_id = :tenant and id = :id")
                    .setParameter("status", RunLifecycle.HISTORY_IMPORTS.move(current, status).name())
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

    private static boolean stopped(Lease lease) {
        return Thread.currentThread().isInterrupted() || !lease.held();
    }

    /** The second reading: records gathered into batches, each stored in one transaction with the progress. */
    private final class Storing implements HistorySink {

        private final TenantId tenant;
        private final HistoryImport started;
        private final Lease lease;
        private final List<HistoryRecord> batch = new ArrayList<>(HistoryCheck.BATCH_SIZE);
        private long seen;

        Storing(TenantId tenant, HistoryImport started, Lease lease) {
            this.tenant = tenant;
            this.started = started;
            this.lease = lease;
        }

        @Override
        public void record(HistoryRecord record) {
            if (stopped(lease)) {
                throw new Stopped();
            }
            // the records of the batches committed before a takeover are stored already
            if (seen++ < started.recordsStored()) {
                return;
            }
            batch.add(record);
            if (batch.size() >= HistoryCheck.BATCH_SIZE) {
                flush();
            }
        }

        @Override
        public void violation(long line, String field, String message) {
            throw new Refused("line " + line + ": " + field + " " + message + " (the kept file no longer reads as it"
                    + " did when it was checked)");
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            database.inTransaction(tenant, (session, tx) -> {
                Counts counts = store(session, batch);
                leases.confirm(session, lease);
                session.createNativeMutationQuery("update history_import set records_stored = records_stored + :count,"
                                + " customers = customers + :customers, invoices = invoices + :invoices,"
                                + " payments = payments + :payments, unchanged = unchanged + :unchanged"
                                + " where tenant_id = :tenant and id = :id")
                        .setParameter("count", batch.size()).setParameter("customers", counts.customers)
                        .setParameter("invoices", counts.invoices).setParameter("payments", counts.payments)
                        .setParameter("unchanged", counts.unchanged)
                        .setParameter("tenant", tenant.value()).setParameter("id", started.id())
                        .executeUpdate();
            });
            batch.clear();
        }

        /** Stores the records of one batch in the caller's transaction, those stored before left as they are. */
        private Counts store(Session session, List<HistoryRecord> records) {
            StoredHistory history = stored(session, tenant, started.openingDate());
            Map<HistoryRecord.Kind, Map<String, KnownHistory.Stored>> before = new HashMap<>();
            for (HistoryRecord.Kind kind : HistoryRecord.Kind.values()) {
                List<String> ids = new ArrayList<>();
                records.stream().filter(record -> record.kind() == kind).map(HistoryRecord::sourceId).forEach(ids::add);
                // what the batch's records name: stored by earlier batches, or earlier in this one
                records.forEach(record -> {
                    if (record instanceof HistoryRecord.Invoice invoice && kind == HistoryRecord.Kind.CUSTOMER) {
                        ids.add(invoice.customer());
                    } else if (record instanceof HistoryRecord.Payment payment && kind == HistoryRecord.Kind.INVOICE) {
                        ids.add(payment.invoice());
                    }
                });
                before.put(kind, ids.isEmpty() ? new HashMap<>() : new HashMap<>(history.stored(kind, ids)));
            }
            Counts counts = new Counts();
            Instant now = now();
            for (HistoryRecord record : records) {
                KnownHistory.Stored earlier = before.get(record.kind()).get(record.sourceId());
                if (earlier != null) {
                    if (!earlier.fingerprint().equals(record.fingerprint())) {
                        throw new Refused("line " + record.line() + ": sourceId " + record.sourceId() + " was imported"
                                + " with other values by another import while this one was stored");
                    }
                    counts.unchanged++;
                    continue;
                }
                UUID target = store(session, record, before, now, counts);
                history.keep(record, target, started.id());
                before.get(record.kind()).put(record.sourceId(), new KnownHistory.Stored(record.fingerprint(), target,
                        started.id()));
            }
            session.flush();
            session.clear();
            return counts;
        }

        private UUID store(Session session, HistoryRecord record, Map<HistoryRecord.Kind,
                Map<String, KnownHistory.Stored>> known, Instant now, Counts counts) {
            if (record instanceof HistoryRecord.Customer customer) {
                counts.customers++;
                return customers.create(session, tenant, new CustomerRequest(null, customer.name(), null, null,
                        customer.currency(), null, null, customer.country() == null ? null
                                : new BillingAddress(null, null, null, null, null, customer.country()),
                        customer.salesperson(), customer.segment(), null, null, null, null, null)).id();
            }
            if (record instanceof HistoryRecord.Invoice invoice) {
                counts.invoices++;
                CustomerAccount customer = customers.find(session, known.get(HistoryRecord.Kind.CUSTOMER)
                        .get(invoice.customer()).targetId()).orElseThrow();
                return ledger.invoice(session, tenant, invoice.sourceId(), customer, invoice.number(),
                        Money.of(invoice.amount(), invoice.currency()), invoice.issueDate(), invoice.dueDate(),
                        started.openingDate(), now);
            }
            HistoryRecord.Payment payment = (HistoryRecord.Payment) record;
            KnownHistory.Stored invoice = known.get(HistoryRecord.Kind.INVOICE).get(payment.invoice());
            if (!invoice.importId().equals(started.id())) {
                throw new Refused("line " + payment.line() + ": invoice " + payment.invoice() + " was stored by another"
                        + " import while this one was stored, which journalled what was open on it");
            }
            counts.payments++;
            Money open = ledger.open(session, invoice.targetId());
            return ledger.payment(session, tenant, "history-payment:" + payment.sourceId(), invoice.targetId(),
                    Money.of(payment.amount(), open.currency()), payment.valueDate(), now);
        }

        /**
         * Finishes one batch of the import's invoices in one transaction with the progress.
         *
         * @return whether there was any left to finish
         */
        boolean finishInvoices() {
            return database.inTransaction(tenant, (session, tx) -> {
                List<NativeRow> unfinished = NativeRow.list(session.createNativeQuery("select source_id, target_id,"
                                + " paid_date from history_record where tenant_id = :tenant and import_id = :import"
                                + " and kind = 'INVOICE' and finished = false order by source_id", Tuple.class)
                        .setParameter("tenant", tenant.value()).setParameter("import", started.id())
                        .setMaxResults(HistoryCheck.BATCH_SIZE));
                if (unfinished.isEmpty()) {
                    return false;
                }
                long settled = 0;
                long opening = 0;
                Instant now = now();
                for (NativeRow row : unfinished) {
                    UUID invoice = row.uuid("target_id");
                    Money open = ledger.open(session, invoice);
                    if (open.isPositive() && !row.isNull("paid_date")) {
                        ledger.payment(session, tenant, "history-settlement:" + row.text("source_id"), invoice, open,
                                row.date("paid_date"), now);
                        settled++;
                    } else if (ledger.openingBalance(session, invoice, started.openingDate())) {
                        opening++;
                    }
                }
                session.createNativeMutationQuery("update history_record set finished = true where tenant_id = :tenant"
                                + " and kind = 'INVOICE' and source_id in (:sources)")
                        .setParameter("tenant", tenant.value())
                        .setParameterList("sources", unfinished.stream().map(row -> row.text("source_id")).toList())
                        .executeUpdate();
                leases.confirm(session, lease);
                session.createNativeMutationQuery("update history_import set invoices_settled = invoices_settled"
                                + " + :settled, opening_balances = opening_balances + :opening, payments = payments"
                                + " + :settled where tenant_id = :tenant and id = :id")
                        .setParameter("settled", settled).setParameter("opening", opening)
                        .setParameter("tenant", tenant.value()).setParameter("id", started.id())
                        .executeUpdate();
                session.flush();
                session.clear();
                return true;
            });
        }
    }

    /** What one batch stored. */
    private static final class Counts {
        long customers;
        long invoices;
        long payments;
        long unchanged;
    }

    /** The node is stopping, or lost the lease: the reading ends here. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A record that cannot be stored as the check found it, because the ledger changed since: the import fails. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
