package receivables.impl.ledger.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.credit.SettledInstallment;
import receivables.impl.persistence.internal.Database;

/**
 * The reads credit notes and write-offs share: one by id, or an invoice's in the order they were made, each with its
 * invoice's number and what it took off which installment (in {@code installmentOrder}).
 *
 * @param orderBy the order of an invoice's documents, over the alias {@code d}
 */
record SettlingDocuments<E extends SettlingDocuments.Document<V>, V>(Database database, Class<E> type, String orderBy,
        Comparator<InstallmentEntity> installmentOrder) {

    /** A credit note or write-off as stored. */
    interface Document<V> {

        UUID id();

        UUID invoiceId();

        V toValue(String invoiceNumber, List<SettledInstallment> installments);
    }

    Optional<V> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(type, id))
                .map(document -> values(session, List.of(document)).get(0)));
    }

    List<V> forInvoice(TenantId tenant, UUID invoiceId) {
        return database.inTransaction(tenant, session -> {
            if (session.find(InvoiceEntity.class, invoiceId) == null) {
                throw new NotFoundException("invoice", invoiceId);
            }
            String entity = session.getSessionFactory().getMetamodel().entity(type).getName();
            return values(session, session.createSelectionQuery("from " + entity + " d where d.invoiceId = :invoice"
                    + " order by " + orderBy, type).setParameter("invoice", invoiceId).getResultList());
        });
    }

    List<V> values(Session session, List<E> documents) {
        Map<UUID, List<SettledInstallment>> installments = Settling.settledBy(session,
                documents.stream().map(Document::id).toList(), installmentOrder);
        return documents.stream().map(document -> document.toValue(
                session.find(InvoiceEntity.class, document.invoiceId()).number(),
                installments.getOrDefault(document.id(), List.of()))).toList();
    }
}
