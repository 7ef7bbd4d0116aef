package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalStatus;
import receivables.api.credit.CreditNote;
import receivables.api.credit.CreditNoteRequest;
import receivables.api.credit.CreditNotes;
import receivables.api.journal.Account;
import receivables.api.journal.JournalEntryKind;
import receivables.api.journal.JournalLine;
import receivables.api.money.Money;
import receivables.impl.approval.internal.ApprovalRequestEntity;
import receivables.impl.approval.internal.ApprovedCommand;
import receivables.impl.approval.internal.FourEyes;
import receivables.impl.approval.internal.Outcome;
import receivables.impl.approval.internal.WaitingCommand;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.persistence.internal.YearlyCounter;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.validation.internal.Violations;

/**
 * Credit notes kept in the receivables database: numbered, applied to the invoice's installments and
 * journalled in one transaction that holds the invoice's lock, so that concurrent credit notes and payments
 * on one invoice take turns and never together take off more than is open.
 */
@Component(service = { CreditNotes.class, ApprovedCommand.class })
public class StoredCreditNotes implements CreditNotes, ApprovedCommand {

    static final int MAX_REASON_LENGTH = 200;

    private final Database database;
    private final JournalPostings journal;
    private final TenantDirectory tenants;
    private final BusinessEvents events;
    private final FourEyes fourEyes;
    private final SettlingDocuments<CreditNoteEntity, CreditNote> reads;

    @Activate
    public StoredCreditNotes(@Reference Database database, @Reference JournalPostings journal,
            @Reference TenantDirectory tenants, @Reference BusinessEvents events, @Reference FourEyes fourEyes) {
        this.database = database;
        this.journal = journal;
        this.tenants = tenants;
        this.events = events;
        this.fourEyes = fourEyes;
        this.reads = new SettlingDocuments<>(database, CreditNoteEntity.class, "d.createdAt, d.number",
                Settling.LATEST_DUE_FIRST);
    }

    Clock clock = Clock.systemUTC();

    @Override
    public CreditNote issue(TenantId tenant, UUID invoiceId, CreditNoteRequest request) {
        return issue(tenant, invoiceId, request, null);
    }

    @Override
    public CreditNote issue(TenantId tenant, UUID invoiceId, CreditNoteRequest request, String idempotencyKey) {
        validate(request);
        new Violations().maxLength("idempotencyKey", idempotencyKey, 128).throwIfAny();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        return database.once(tenant, key, (session, earlierKey) -> issuedBefore(session, earlierKey, invoiceId, request)
                        .map(Outcome::done).or(() -> waitingBefore(session, earlierKey, invoiceId, request)),
                (session, tx) -> issueOrWait(session, tx, tenant, invoiceId, request, key)).orAwaitApproval();
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.CREDIT_NOTE;
    }

    /** Issues the credit note the request asked for, provided the invoice still has that much open. */
    @Override
    public UUID carryOut(Session session, UnitOfWork tx, TenantId tenant, ApprovalRequestEntity request) {
        InvoiceEntity invoice = Settling.lockedOpenInvoice(session, request.invoiceId(), "credited");
        if (request.amount().compareTo(invoice.open()) > 0) {
            throw new ConflictException("invoice " + invoice.number() + " has only " + invoice.open()
                    + " open now, less than the " + request.amount() + " the credit note was asked for");
        }
        return issueNew(session, tx, tenant, invoice, request.amount(), request.reason(), request.date(),
                request.idempotencyKey()).id();
    }

    /**
     * The approval request made under {@code key} before, which still waits, provided it was for the same invoice and
     * amount; a rejected one refuses the key for good.
     */
    private Optional<Outcome<CreditNote>> waitingBefore(Session session, String key, UUID invoiceId,
            CreditNoteRequest request) {
        return fourEyes.underKey(session, key).map(waiting -> {
            if (!waiting.invoiceId().equals(invoiceId)
                    || (request.amount() != null && !waiting.amount().equals(request.amount()))) {
                throw new ConflictException("idempotency key " + key
                        + " was already used for a different credit note (approval request " + waiting.id() + ")");
            }
            if (waiting.status() == ApprovalStatus.REJECTED) {
                throw new ConflictException("the credit note asked for under idempotency key " + key
                        + " was rejected by " + waiting.decidedBy().id() + " (approval request " + waiting.id() + ")");
            }
            return Outcome.waiting(waiting);
        });
    }

    private Outcome<CreditNote> issueOrWait(Session session, UnitOfWork tx, TenantId tenant, UUID invoiceId,
            CreditNoteRequest request, String key) {
        InvoiceEntity invoice = Settling.lockedOpenInvoice(session, invoiceId, "credited");
        Settling.requireNotBeforeIssue(invoice, request.date());
        Money amount = request.amount() == null ? invoice.open() : request.amount();
        requireOpen(invoice, amount, credited(session, invoice).gross());
        if (fourEyes.waits(session, tenant, amount, request.date())) {
            return Outcome.waiting(fourEyes.request(session, tx, tenant, WaitingCommand.creditNote(invoice.customerId(),
                    invoiceId, invoice.number(), amount, request.reason().trim(), request.date(), key)));
        }
        return Outcome.done(issueNew(session, tx, tenant, invoice, amount, request.reason().trim(), request.date(), key));
    }

    /** The credit note issued under {@code key} before, provided it was for the same invoice and amount. */
    private Optional<CreditNote> issuedBefore(Session session, String key, UUID invoiceId, CreditNoteRequest request) {
        return session.createSelectionQuery("from CreditNote c where c.idempotencyKey = :key", CreditNoteEntity.class)
                .setParameter("key", key).uniqueResultOptional().map(note -> {
                    if (!note.invoiceId.equals(invoiceId)
                            || (request.amount() != null && !note.gross().equals(request.amount()))) {
                        throw new ConflictException("idempotency key " + key
                                + " was already used for a different credit note (" + note.number + ")");
                    }
                    return reads.values(session, List.of(note)).get(0);
                });
    }

    /** Credits {@code amount} of {@code invoice}, locked and open by at least that much. */
    private CreditNote issueNew(Session session, UnitOfWork tx, TenantId tenant, InvoiceEntity invoice, Money amount,
            String reason, LocalDate date, String key) {
        NetAndTax credited = credited(session, invoice);
        List<InstallmentEntity> open = Settling.lockedOpenInstallments(session, invoice, Settling.LATEST_DUE_FIRST);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        NetAndTax split = NetAndTax.ofCredit(amount, new NetAndTax(invoice.net(), invoice.tax()), credited);
        Money creditedInAll = credited.gross().plus(amount);
        String number = tenants.settings(tenant).creditNoteNumber(date,
                YearlyCounter.CREDIT_NOTE.reserve(session, tenant, date.getYear(), 1));
        CreditNoteEntity note = new CreditNoteEntity(number, invoice, date, split, reason,
                creditedInAll.equals(invoice.gross()), key, now);
        session.persist(note);
        // The customer keeps paying the earliest installments as agreed; the credit shortens the plan from its end.
        Money left = amount;
        for (InstallmentEntity installment : open) {
            Money share = installment.open().min(left);
            if (!share.isPositive()) {
                break;
            }
            session.persist(SettlementEntity.credit(note, installment, share, now));
            left = left.minus(share);
        }
        invoice.credit(amount, creditedInAll, now);
        journal.post(session, date, JournalEntryKind.CREDIT_NOTE_ISSUED, number, lines(split));
        session.flush();
        CreditNote issued = reads.values(session, List.of(note)).get(0);
        events.afterCommit(tx, EventTopics.CREDIT_NOTE_ISSUED, Map.of(EventTopics.TENANT, tenant.value(), EventTopics.ID,
                issued.id().toString(), EventTopics.CREDIT_NOTE_NUMBER, issued.number(), EventTopics.INVOICE_ID,
                issued.invoiceId().toString(), EventTopics.INVOICE_NUMBER, issued.invoiceNumber(),
                EventTopics.CUSTOMER_ID, issued.customerId().toString(), EventTopics.CURRENCY, issued.amount().currency(),
                EventTopics.AMOUNT, issued.amount().amount().toPlainString()));
        return issued;
    }

    @Override
    public Optional<CreditNote> find(TenantId tenant, UUID creditNoteId) {
        return reads.find(tenant, creditNoteId);
    }

    @Override
    public List<CreditNote> forInvoice(TenantId tenant, UUID invoiceId) {
        return reads.forInvoice(tenant, invoiceId);
    }

    /** Revenue and tax reversed in the invoice's proportion, the receivable lowered by the whole credit. */
    static List<JournalLine> lines(NetAndTax split) {
        List<JournalLine> lines = new ArrayList<>();
        if (split.net().isPositive()) {
            lines.add(JournalLine.debit(Account.REVENUE, split.net()));
        }
        if (split.tax().isPositive()) {
            lines.add(JournalLine.debit(Account.TAX_PAYABLE, split.tax()));
        }
        lines.add(JournalLine.credit(Account.RECEIVABLE, split.gross()));
        return lines;
    }

    /** What the invoice's credit notes so far reversed; the invoice's lock keeps it from changing meanwhile. */
    static NetAndTax credited(Session session, InvoiceEntity invoice) {
        Object[] sums = session.createSelectionQuery("select coalesce(sum(c.net), 0), coalesce(sum(c.tax), 0)"
                        + " from CreditNote c where c.invoiceId = :invoice", Object[].class)
                .setParameter("invoice", invoice.id()).getSingleResult();
        return new NetAndTax(Money.of((BigDecimal) sums[0], invoice.currency()), Money.of((BigDecimal) sums[1],
                invoice.currency()));
    }

    private static void requireOpen(InvoiceEntity invoice, Money amount, Money creditedBefore) {
        if (!amount.currency().equals(invoice.currency())) {
            throw new InvalidRequestException(FieldViolation.of("amount", "must be in the invoice's currency "
                    + invoice.currency()));
        }
        if (amount.compareTo(invoice.open()) > 0) {
            Money settled = invoice.gross().minus(creditedBefore).minus(invoice.open());
            throw new InvalidRequestException(FieldViolation.of("amount", "is more than the " + invoice.open()
                    + " still open on invoice " + invoice.number() + (settled.isPositive() ? ": " + settled
                    + " of it is already paid or written off, and a credit note credits only what is open" : "")));
        }
    }

    private static void validate(CreditNoteRequest request) {
        Violations violations = new Violations();
        if (request == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("reason", request.reason())
                .maxLength("reason", request.reason() == null ? null : request.reason().trim(), MAX_REASON_LENGTH)
                .required("date", request.date());
        if (request.amount() != null && !request.amount().isPositive()) {
            violations.add("amount", "must be positive; leave it out to credit everything still open");
        }
        violations.throwIfAny();
    }
}
