package receivables.impl.reconciliation.internal;

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
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.Tuple;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.payment.Payment;
import receivables.api.payment.PaymentRequest;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.SuspenseItem;
import receivables.api.statement.SuspenseQueue;
import receivables.api.statement.SuspenseStatus;
import receivables.impl.customer.internal.CustomerAccountEntity;
import receivables.impl.intent.internal.StoredPaymentIntents;
import receivables.impl.ledger.internal.InvoiceState;
import receivables.impl.ledger.internal.StoredPayments;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.persistence.internal.WholeTenantReads;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.reconciliation.internal.ImportedLines.Kept;
import receivables.impl.validation.internal.Violations;

/**
 * The suspense queue in the database. A clerk's decision locks the item's row first, so of two clerks
 * deciding the same item at once the second finds it decided; the payment's idempotency key is the line's,
 * so a line is never booked twice whoever books it. A booked line settles the bank-transfer intent waiting for
 * the invoice it paid.
 */
@Component(service = SuspenseQueue.class)
public class StoredSuspenseQueue implements SuspenseQueue {

    private static final String ITEM_COLUMNS = "s.id, s.import_id, s.status, s.resolution, s.payment_id, s.created_at,"
            + " s.resolved_at, " + ImportedLines.COLUMNS;
    /**
     * An item with its line, the line named by its key: joined only by the item, PostgreSQL without statistics may
     * scan all the tenant's lines for it.
     */
    private static final String ITEM_WITH_LINE = "suspense_item s join bank_statement_line l"
            + " on l.tenant_id = s.tenant_id and l.id = s.line_id where s.tenant_id = :tenant and s.id = :id"
            + " and l.id = (select i.line_id from suspense_item i where i.tenant_id = :tenant and i.id = :id)";

    private final Database database;
    private final StoredPayments payments;
    private final StoredPaymentIntents intents;
    private final PersonalDataKeys personalDataKeys;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public StoredSuspenseQueue(@Reference Database database, @Reference StoredPayments payments,
            @Reference StoredPaymentIntents intents, @Reference PersonalDataKeys personalDataKeys) {
        this.database = database;
        this.payments = payments;
        this.intents = intents;
        this.personalDataKeys = personalDataKeys;
    }

    @Override
    public Page<SuspenseItem> list(TenantId tenant, SuspenseStatus status, PageRequest page) {
        PageRequest request = page == null ? PageRequest.first() : page;
        String filter = status == null ? "" : " and s.status = :status";
        return database.inTransaction(tenant, session -> {
            // the page is sorted by the lines' order: the tenant's items joined to their lines, hashed
            WholeTenantReads.hashed(session);
            var count = session.createNativeQuery("select count(*) from suspense_item s where s.tenant_id = :tenant"
                    + filter, Long.class).setParameter("tenant", tenant.value());
            var rows = session.createNativeQuery("select " + ITEM_COLUMNS + " from suspense_item s join"
                            + " bank_statement_line l on l.tenant_id = s.tenant_id and l.id = s.line_id"
                            + " where s.tenant_id = :tenant" + filter
                            + " order by s.created_at, l.import_id, l.statement_id, l.sequence_number, s.id", Tuple.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult(request.offset()).setMaxResults(request.size());
            if (status != null) {
                count.setParameter("status", status.name());
                rows.setParameter("status", status.name());
            }
            long total = count.getSingleResult().longValue();
            List<NativeRow> found = NativeRow.list(rows);
            Map<UUID, List<MatchCandidate>> candidates = candidates(session, tenant,
                    found.stream().map(row -> row.uuid("id")).toList());
            TenantCipher cipher = personalDataKeys.cipher(session);
            return new Page<>(found.stream().map(row -> item(row, candidates, cipher)).toList(), request.page(),
                    request.size(), total);
        });
    }

    @Override
    public Optional<SuspenseItem> find(TenantId tenant, UUID itemId) {
        return database.inTransaction(tenant, session -> find(session, tenant, itemId));
    }

    @Override
    public Payment matchToInvoice(TenantId tenant, UUID itemId, UUID invoiceId) {
        new Violations().required("invoiceId", invoiceId).throwIfAny();
        return book(tenant, itemId, (session, line) -> {
            InvoiceState invoice = InvoiceState.find(session, invoiceId).orElseThrow(() -> new InvalidRequestException(
                    FieldViolation.of("invoiceId", "is not an invoice of this tenant")));
            if (!invoice.status().collectible()) {
                throw new InvalidRequestException(FieldViolation.of("invoiceId", "is " + invoice.status()
                        + ", not open"));
            }
            if (!invoice.currency().equals(line.line().amount().currency())) {
                throw new InvalidRequestException(FieldViolation.of("invoiceId", "is in " + invoice.currency()
                        + ", the line in " + line.line().amount().currency()));
            }
            return new Booking(ImportedLines.payment(line.key(), line.line(), invoice.customerId(), List.of(invoiceId),
                    LocalDate.now(clock)), "matched to invoice " + invoice.number());
        });
    }

    @Override
    public Payment matchToCustomer(TenantId tenant, UUID itemId, UUID customerId) {
        new Violations().required("customerId", customerId).throwIfAny();
        return book(tenant, itemId, (session, line) -> {
            if (session.find(CustomerAccountEntity.class, customerId) == null) {
                throw new InvalidRequestException(FieldViolation.of("customerId", "is not a customer of this tenant"));
            }
            return new Booking(ImportedLines.payment(line.key(), line.line(), customerId, List.of(), LocalDate.now(clock)),
                    "matched to customer " + customerId);
        });
    }

    @Override
    public SuspenseItem dismiss(TenantId tenant, UUID itemId, String reason) {
        new Violations().required("reason", reason == null || reason.isBlank() ? null : reason)
                .maxLength("reason", reason, 200).throwIfAny();
        return database.inTransaction(tenant, session -> {
            Kept line = lockOpen(session, tenant, itemId);
            resolve(session, tenant, itemId, line.id(), SuspenseStatus.DISMISSED, reason.strip(), null, null);
            return find(session, tenant, itemId).orElseThrow();
        });
    }

    /** What a clerk's match books, and how the item says so. */
    private record Booking(PaymentRequest payment, String resolution) {
    }

    @FunctionalInterface
    private interface Decision {
        Booking decide(Session session, Kept line);
    }

    private Payment book(TenantId tenant, UUID itemId, Decision decision) {
        return database.inTransaction(tenant, (session, tx) -> {
            Kept line = lockOpen(session, tenant, itemId);
            Booking booking = decision.decide(session, line);
            Payment booked = payments.record(session, tx, tenant, booking.payment());
            intents.paidByTransfer(session, booked, "suspense", "suspense item " + itemId);
            resolve(session, tenant, itemId, line.id(), SuspenseStatus.MATCHED, booking.resolution(), booked.id(),
                    booking.payment().customerId());
            return booked;
        });
    }

    /** The item's line, once the item is locked and found open. */
    private Kept lockOpen(Session session, TenantId tenant, UUID itemId) {
        NativeRow item = NativeRow.list(session.createNativeQuery("select s.status, s.line_id from suspense_item s"
                        + " where s.tenant_id = :tenant and s.id = :id for update", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", itemId))
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("suspense item", itemId));
        if (!SuspenseStatus.OPEN.name().equals(item.text("status"))) {
            throw new ConflictException("suspense item " + itemId + " is " + item.text("status") + " already");
        }
        return ImportedLines.read(NativeRow.list(session.createNativeQuery("select " + ImportedLines.COLUMNS
                        + " from bank_statement_line l where l.tenant_id = :tenant and l.id = :id", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", item.uuid("line_id"))).get(0),
                personalDataKeys.cipher(session));
    }

    private void resolve(Session session, TenantId tenant, UUID itemId, UUID lineId, SuspenseStatus status,
            String resolution, UUID paymentId, UUID customerId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        session.createNativeMutationQuery("update suspense_item set status = :status, resolution = :resolution,"
                        + " payment_id = :payment, resolved_at = :now where tenant_id = :tenant and id = :id")
                .setParameter("status", status.name())
                .setParameter("resolution", NativeValues.clip(resolution, 200))
                .setParameter("payment", paymentId, UUID.class)
                .setParameter("now", now)
                .setParameter("tenant", tenant.value()).setParameter("id", itemId)
                .executeUpdate();
        // A matched line's payer IBAN now names the customer for later statements.
        session.createNativeMutationQuery("update bank_statement_line set outcome = :outcome, customer_id = :customer,"
                        + " payment_id = :payment where tenant_id = :tenant and id = :id")
                .setParameter("outcome", status == SuspenseStatus.MATCHED ? ImportedLines.MATCHED : ImportedLines.DISMISSED)
                .setParameter("customer", customerId, UUID.class)
                .setParameter("payment", paymentId, UUID.class)
                .setParameter("tenant", tenant.value()).setParameter("id", lineId)
                .executeUpdate();
    }

    private Optional<SuspenseItem> find(Session session, TenantId tenant, UUID itemId) {
        return NativeRow.list(session.createNativeQuery("select " + ITEM_COLUMNS + " from " + ITEM_WITH_LINE,
                        Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("id", itemId))
                .stream().findFirst()
                .map(row -> item(row, candidates(session, tenant, List.of(itemId)), personalDataKeys.cipher(session)));
    }

    private static Map<UUID, List<MatchCandidate>> candidates(Session session, TenantId tenant, List<UUID> items) {
        Map<UUID, List<MatchCandidate>> candidates = new HashMap<>();
        if (items.isEmpty()) {
            return candidates;
        }
        NativeRow.list(session.createNativeQuery("select suspense_id, invoice_id, invoice_number, customer_id,"
                        + " confidence, reason from suspense_candidate where tenant_id = :tenant and suspense_id in (:items)"
                        + " order by suspense_id, rank_number", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("items", items))
                .forEach(row -> candidates.computeIfAbsent(row.uuid("suspense_id"), id -> new ArrayList<>())
                        .add(new MatchCandidate(row.uuid("invoice_id"), row.text("invoice_number"),
                                row.uuid("customer_id"), row.integer("confidence"), row.text("reason"))));
        return candidates;
    }

    private static SuspenseItem item(NativeRow row, Map<UUID, List<MatchCandidate>> candidates, TenantCipher cipher) {
        UUID id = row.uuid("id");
        Kept line = ImportedLines.read(row, cipher);
        return new SuspenseItem(id, row.uuid("import_id"), SuspenseStatus.valueOf(row.text("status")), line.account(),
                line.line(), candidates.getOrDefault(id, List.of()), row.uuid("payment_id"), row.text("resolution"),
                row.instant("created_at"), row.instant("resolved_at"));
    }
}
