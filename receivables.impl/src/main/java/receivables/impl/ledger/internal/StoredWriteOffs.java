package receivables.impl.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.EventTopics;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalRequest;
import receivables.api.credit.WriteOff;
import receivables.api.credit.WriteOffKind;
import receivables.api.credit.WriteOffs;
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
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.tenant.internal.TenantSettings;
import receivables.impl.validation.internal.Violations;

/**
 * Write-offs kept in the receivables database: bad debt written off by a clerk, and the small differences
 * payments leave within the tenant's tolerance, written off inside the payment's own transaction.
 */
@Component(service = { WriteOffs.class, StoredWriteOffs.class, ApprovedCommand.class })
public class StoredWriteOffs implements WriteOffs, ApprovedCommand {

    private final Database database;
    private final JournalPostings journal;
    private final TenantDirectory tenants;
    private final BusinessEvents events;
    private final FourEyes fourEyes;
    private final SettlingDocuments<WriteOffEntity, WriteOff> reads;

    @Activate
    public StoredWriteOffs(@Reference Database database, @Reference JournalPostings journal,
            @Reference TenantDirectory tenants, @Reference BusinessEvents events, @Reference FourEyes fourEyes) {
        this.database = database;
        this.journal = journal;
        this.tenants = tenants;
        this.events = events;
        this.fourEyes = fourEyes;
        this.reads = new SettlingDocuments<>(database, WriteOffEntity.class, "d.createdAt, d.id",
                Settling.EARLIEST_DUE_FIRST);
    }

    Clock clock = Clock.systemUTC();

    @Override
    public WriteOff writeOffBadDebt(TenantId tenant, UUID invoiceId, String reason, LocalDate date) {
        new Violations().required("reason", reason)
                .maxLength("reason", reason == null ? null : reason.trim(), StoredCreditNotes.MAX_REASON_LENGTH)
                .required("date", date)
                .throwIfAny();
        return database.inTransaction(tenant, (session, tx) -> {
            InvoiceEntity invoice = Settling.lockedOpenInvoice(session, invoiceId, "written off");
            Settling.requireNotBeforeIssue(invoice, date);
            Optional<ApprovalRequest> waiting = fourEyes.pendingWriteOff(session, invoiceId);
            if (waiting.isPresent()) {
                return Outcome.<WriteOff>waiting(waiting.get());
            }
            if (fourEyes.waits(session, tenant, invoice.open(), date)) {
                return Outcome.<WriteOff>waiting(fourEyes.request(session, tx, tenant, WaitingCommand.writeOff(
                        invoice.customerId(), invoiceId, invoice.number(), invoice.open(), reason.trim(), date)));
            }
            return Outcome.done(writeOffBadDebt(session, tx, tenant, invoice, reason.trim(), date));
        }).orAwaitApproval();
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.WRITE_OFF;
    }

    /** Writes off what the request wrote off, provided the invoice still has exactly that open. */
    @Override
    public UUID carryOut(Session session, UnitOfWork tx, TenantId tenant, ApprovalRequestEntity request) {
        InvoiceEntity invoice = Settling.lockedOpenInvoice(session, request.invoiceId(), "written off");
        if (invoice.open().compareTo(request.amount()) != 0) {
            throw new ConflictException("invoice " + invoice.number() + " has " + invoice.open() + " open now, not the "
                    + request.amount() + " the write-off was asked for");
        }
        return writeOffBadDebt(session, tx, tenant, invoice, request.reason(), request.date()).id();
    }

    /** Writes off everything {@code invoice}, locked and open, still has open, as bad debt. */
    private WriteOff writeOffBadDebt(Session session, UnitOfWork tx, TenantId tenant, InvoiceEntity invoice,
            String reason, LocalDate date) {
        List<InstallmentEntity> open = Settling.lockedOpenInstallments(session, invoice, Settling.EARLIEST_DUE_FIRST);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WriteOffEntity writeOff = new WriteOffEntity(invoice, WriteOffKind.BAD_DEBT, invoice.open(), reason, date,
                null, now);
        session.persist(writeOff);
        for (InstallmentEntity installment : open) {
            session.persist(SettlementEntity.writeOff(writeOff, installment, installment.open(), now));
        }
        invoice.writeOff(now);
        journal.post(session, date, JournalEntryKind.BAD_DEBT_WRITTEN_OFF, invoice.number(),
                tenants.settings(tenant).badDebtTaxRelief()
                        ? taxSharingLines(session, Account.BAD_DEBT_EXPENSE, invoice, writeOff) : lines(Account.BAD_DEBT_EXPENSE, writeOff));
        session.flush();
        return posted(tx, tenant, reads.values(session, List.of(writeOff))).get(0);
    }

    /**
     * Writes off, in the caller's transaction, what a payment's allocations left open on each of
     * {@code allocated} when it is within the tenant's tolerance: one write-off per installment, with its journal
     * entry, settling the installment and its invoice. The caller holds the locks of the installments and of
     * their {@code invoices}; subscribers hear of the write-offs once its transaction has committed.
     *
     * @return the write-offs made
     */
    public List<WriteOff> writeOffSmallDifferences(Session session, UnitOfWork tx, TenantId tenant, UUID paymentId,
            LocalDate date, Collection<InstallmentEntity> allocated, Map<UUID, InvoiceEntity> invoices, Instant now) {
        TenantSettings settings = tenants.settings(tenant);
        List<WriteOffEntity> writeOffs = new ArrayList<>();
        for (InstallmentEntity installment : allocated) {
            Money remainder = installment.open();
            if (!settings.writesOff(remainder)) {
                continue;
            }
            InvoiceEntity invoice = invoices.get(installment.invoiceId());
            WriteOffEntity writeOff = new WriteOffEntity(invoice, WriteOffKind.SMALL_DIFFERENCE, remainder,
                    "difference within the write-off tolerance of " + settings.writeOffTolerance().toPlainString(), date,
                    paymentId, now);
            session.persist(writeOff);
            session.persist(SettlementEntity.writeOff(writeOff, installment, remainder, now));
            invoice.settle(remainder, now);
            journal.post(session, date, JournalEntryKind.DIFFERENCE_WRITTEN_OFF, invoice.number(),
                    lines(Account.WRITE_OFF_EXPENSE, writeOff));
            writeOffs.add(writeOff);
        }
        return posted(tx, tenant, reads.values(session, writeOffs));
    }

    /**
     * Grants, in the caller's transaction, the early-payment discounts a payment earned: one write-off per
     * installment, settling it and its invoice, with its journal entry (cash-discount expense, its tax share
     * off tax payable where the tenant adjusts tax for discounts). The caller holds the locks of the
     * installments and of their {@code invoices}; subscribers hear of the write-offs once {@code tx} has committed.
     *
     * @param discounts what each installment earned, in the order the payment went to them
     * @return the write-offs made
     */
    public List<WriteOff> grantDiscounts(Session session, UnitOfWork tx, TenantId tenant, UUID paymentId,
            LocalDate date, Map<InstallmentEntity, Money> discounts, Map<UUID, InvoiceEntity> invoices, Instant now) {
        boolean adjustTax = tenants.settings(tenant).discountTaxAdjustment();
        List<WriteOffEntity> writeOffs = new ArrayList<>();
        discounts.forEach((installment, discount) -> {
            InvoiceEntity invoice = invoices.get(installment.invoiceId());
            WriteOffEntity writeOff = new WriteOffEntity(invoice, WriteOffKind.CASH_DISCOUNT, discount,
                    "early-payment discount on installment " + installment.sequence(), date, paymentId, now);
            session.persist(writeOff);
            session.persist(SettlementEntity.writeOff(writeOff, installment, discount, now));
            invoice.settle(discount, now);
            journal.post(session, date, JournalEntryKind.CASH_DISCOUNT_TAKEN, invoice.number(), adjustTax
                    ? taxSharingLines(session, Account.CASH_DISCOUNT_EXPENSE, invoice, writeOff)
                    : lines(Account.CASH_DISCOUNT_EXPENSE, writeOff));
            writeOffs.add(writeOff);
        });
        return posted(tx, tenant, reads.values(session, writeOffs));
    }

    /** Of {@code installmentIds}, those that have had their early-payment discount. */
    public Set<UUID> discounted(Session session, Collection<UUID> installmentIds) {
        if (installmentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(session.createSelectionQuery("select s.installmentId from Settlement s join WriteOff w"
                        + " on w.id = s.writeOffId where s.installmentId in :installments and w.kind = :kind", UUID.class)
                .setParameter("installments", installmentIds).setParameter("kind", WriteOffKind.CASH_DISCOUNT)
                .getResultList());
    }

    /** Tells subscribers about {@code writeOffs} once {@code tx} has committed. */
    private List<WriteOff> posted(UnitOfWork tx, TenantId tenant, List<WriteOff> writeOffs) {
        writeOffs.forEach(writeOff -> events.afterCommit(tx, EventTopics.WRITE_OFF_POSTED, Map.of(EventTopics.TENANT,
                tenant.value(), EventTopics.ID, writeOff.id().toString(), EventTopics.KIND, writeOff.kind().name(), EventTopics.INVOICE_ID,
                writeOff.invoiceId().toString(), EventTopics.INVOICE_NUMBER, writeOff.invoiceNumber(),
                EventTopics.CUSTOMER_ID, writeOff.customerId().toString(), EventTopics.CURRENCY,
                writeOff.amount().currency(), EventTopics.AMOUNT, writeOff.amount().amount().toPlainString())));
        return writeOffs;
    }

    @Override
    public Optional<WriteOff> find(TenantId tenant, UUID writeOffId) {
        return reads.find(tenant, writeOffId);
    }

    @Override
    public List<WriteOff> forInvoice(TenantId tenant, UUID invoiceId) {
        return reads.forInvoice(tenant, invoiceId);
    }

    /**
     * A write-off whose tax share goes back off tax payable (bad debt with output tax relieved, a discount that
     * lowers the taxable amount): {@code expense} takes only the net share.
     */
    private static List<JournalLine> taxSharingLines(Session session, Account expense, InvoiceEntity invoice,
            WriteOffEntity writeOff) {
        Money amount = Money.of(writeOff.amount, writeOff.currency);
        NetAndTax split = NetAndTax.ofCredit(amount, new NetAndTax(invoice.net(), invoice.tax()),
                StoredCreditNotes.credited(session, invoice));
        List<JournalLine> lines = new ArrayList<>();
        lines.add(JournalLine.debit(expense, split.net()));
        if (split.tax().isPositive()) {
            lines.add(JournalLine.debit(Account.TAX_PAYABLE, split.tax()));
        }
        lines.add(JournalLine.credit(Account.RECEIVABLE, amount));
        return lines;
    }

    private static List<JournalLine> lines(Account expense, WriteOffEntity writeOff) {
        Money amount = Money.of(writeOff.amount, writeOff.currency);
        return List.of(JournalLine.debit(expense, amount), JournalLine.credit(Account.RECEIVABLE, amount));
    }
}
