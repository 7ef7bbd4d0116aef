package receivables.impl.history.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.Tuple;

import receivables.api.TenantId;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.NativeRow;

/** The tenant's history records as one session sees them: what the check asks, and where the import writes. */
final class StoredHistory implements KnownHistory {

    private final Session session;
    private final TenantId tenant;
    private final String functionalCurrency;
    private final StoredExchangeRates rates;
    private final LocalDate openingDate;

    StoredHistory(Session session, TenantId tenant, String functionalCurrency, StoredExchangeRates rates,
            LocalDate openingDate) {
        this.session = session;
        this.tenant = tenant;
        this.functionalCurrency = functionalCurrency;
        this.rates = rates;
        this.openingDate = openingDate;
    }

    @Override
    public Map<String, Stored> stored(HistoryRecord.Kind kind, Collection<String> sourceIds) {
        Map<String, Stored> stored = new HashMap<>();
        NativeRow.list(session.createNativeQuery("select source_id, fingerprint, target_id, import_id from history_record"
                        + " where tenant_id = :tenant and kind = :kind and source_id in (:ids)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("kind", kind.name())
                .setParameterList("ids", sourceIds))
                .forEach(row -> stored.put(row.text("source_id"), new Stored(row.text("fingerprint"),
                        row.uuid("target_id"), row.uuid("import_id"))));
        return stored;
    }

    @Override
    public Map<String, String> invoiceNumbers(Collection<String> numbers) {
        Map<String, String> numbered = new HashMap<>();
        NativeRow.list(session.createNativeQuery("select invoice_number, order_id from invoice where tenant_id = :tenant"
                        + " and invoice_number in (:numbers)", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameterList("numbers", numbers))
                .forEach(row -> numbered.put(row.text("invoice_number"), row.text("order_id")));
        return numbered;
    }

    @Override
    public boolean journallable(String currency) {
        return currency.equals(functionalCurrency) || rates.rateOn(session, currency, openingDate).isPresent();
    }

    /** Records what {@code record} became, as part of the import {@code importId}. */
    void keep(HistoryRecord record, UUID targetId, UUID importId) {
        LocalDate paidDate = record instanceof HistoryRecord.Invoice invoice ? invoice.paidDate() : null;
        session.createNativeMutationQuery("insert into history_record (tenant_id, kind, source_id, fingerprint,"
                        + " target_id, import_id, paid_date, finished) values (:tenant, :kind, :source, :fingerprint,"
                        + " :target, :import, :paid, :finished)")
                .setParameter("tenant", tenant.value()).setParameter("kind", record.kind().name())
                .setParameter("source", record.sourceId()).setParameter("fingerprint", record.fingerprint())
                .setParameter("target", targetId).setParameter("import", importId)
                .setParameter("paid", paidDate, LocalDate.class)
                .setParameter("finished", record.kind() != HistoryRecord.Kind.INVOICE)
                .executeUpdate();
    }
}
