package receivables.impl.ledger.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.LockModeType;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.credit.SettledInstallment;
import receivables.api.invoice.InvoiceStatus;
import receivables.impl.persistence.internal.Database;

/**
 * What credit notes and write-offs share: they lock what they settle in the order payments do (the invoice,
 * then its installments), so that a credit note and a payment on the same invoice take turns and never wait
 * on each other in a circle.
 */
final class Settling {

    static final Comparator<InstallmentEntity> EARLIEST_DUE_FIRST = Comparator.comparing(InstallmentEntity::dueDate)
            .thenComparing(InstallmentEntity::sequence);
    static final Comparator<InstallmentEntity> LATEST_DUE_FIRST = EARLIEST_DUE_FIRST.reversed();

    private Settling() {
    }

    /**
     * The invoice, locked, provided it is issued and still has something open.
     *
     * @param settled what is done to it, for the refusal, e.g. "credited"
     */
    static InvoiceEntity lockedOpenInvoice(Session session, UUID invoiceId, String settled) {
        InvoiceEntity invoice = Database.locked(session, InvoiceEntity.class, invoiceId);
        if (invoice == null) {
            throw new NotFoundException("invoice", invoiceId);
        }
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw new ConflictException("invoice " + invoiceId + " is a draft and owes nothing yet, so it cannot be "
                    + settled + ": change or drop its order instead");
        }
        if (invoice.status() == InvoiceStatus.CANCELED) {
            throw new ConflictException("invoice " + invoice.number() + " is canceled and cannot be " + settled);
        }
        if (!invoice.open().isPositive()) {
            throw new ConflictException("invoice " + invoice.number() + " has nothing open that could be " + settled);
        }
        return invoice;
    }

    static void requireNotBeforeIssue(InvoiceEntity invoice, LocalDate date) {
        if (date.isBefore(invoice.issueDate())) {
            throw new InvalidRequestException(FieldViolation.of("date", "must not be before the invoice's issue date "
                    + invoice.issueDate()));
        }
    }

    /** The invoice's installments with something open, locked, in {@code order}. */
    static List<InstallmentEntity> lockedOpenInstallments(Session session, InvoiceEntity invoice,
            Comparator<InstallmentEntity> order) {
        return session.createSelectionQuery("from Installment i where i.invoiceId = :invoice and i.open > 0",
                        InstallmentEntity.class)
                .setParameter("invoice", invoice.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().sorted(order).toList();
    }

    /** What each of the credit notes or write-offs {@code ids} took off which installment, in {@code order}. */
    static Map<UUID, List<SettledInstallment>> settledBy(Session session, List<UUID> ids,
            Comparator<InstallmentEntity> order) {
        Map<UUID, List<SettledInstallment>> settled = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return settled;
        }
        record Row(SettlementEntity settlement, InstallmentEntity installment) {
        }
        session.createSelectionQuery("select s, i from Settlement s join Installment i on i.id = s.installmentId"
                        + " where s.creditNoteId in :ids or s.writeOffId in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(row -> new Row((SettlementEntity) row[0], (InstallmentEntity) row[1]))
                .sorted(Comparator.comparing(Row::installment, order))
                .forEach(row -> settled.computeIfAbsent(row.settlement().source(), id -> new ArrayList<>())
                        .add(new SettledInstallment(row.installment().sequence(),
                                row.settlement().amount(row.installment().currency()))));
        return settled;
    }
}
