package receivables.impl.collections.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Tuple;
import org.hibernate.Session;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.impl.persistence.internal.NativeRow;

/**
 * The customer's statement a notice carries: every open installment of the customer's issued invoices on a day
 * (all of them, not only those the notice is about), with its due date, what is open, the dunning level it was last
 * noticed at, the fee and interest items among them, and what is open in all per currency.
 */
record NoticeStatement(LocalDate asOf, List<Line> lines) {

    /** What an open item is: an invoice, or a fee or interest a dunning run charged. */
    enum Kind {
        INVOICE, DUNNING_FEE, INTEREST
    }

    /**
     * @param level the dunning level the item was last noticed at; 0 when never
     */
    record Line(String invoiceNumber, int installment, Kind kind, LocalDate dueDate, Money open, int daysOverdue,
            int level) {
    }

    NoticeStatement {
        lines = List.copyOf(lines);
    }

    /** What is open in all, by currency in alphabetical order. */
    Map<String, Money> totals() {
        Map<String, Money> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(line.open().currency(), line.open(), Money::plus));
        return totals;
    }

    /** The customer's statement as it stands on {@code asOf}. */
    static NoticeStatement of(Session session, TenantId tenant, UUID customerId, LocalDate asOf) {
        List<Line> lines = NativeRow.stream(session.createNativeQuery("select v.invoice_number, i.sequence_number,"
                                + " c.kind, i.due_date, i.currency, i.open_amount, d.noticed_level"
                                + " from installment i join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id"
                                + " left join dunning_charge c on c.tenant_id = i.tenant_id and c.invoice_id = i.invoice_id"
                                + " left join dunning_installment d on d.tenant_id = i.tenant_id and d.installment_id = i.id"
                                + " where i.tenant_id = :tenant and i.customer_id = :customer and i.open_amount > 0"
                                + " and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                                + " order by i.due_date, v.invoice_number, i.sequence_number", Tuple.class)
                        .setParameter("tenant", tenant.value()).setParameter("customer", customerId))
                .map(row -> new Line(row.text("invoice_number"), row.integer("sequence_number"),
                        row.isNull("kind") ? Kind.INVOICE : Kind.valueOf(row.text("kind")), row.date("due_date"),
                        row.money("currency", "open_amount"),
                        (int) Math.max(0, ChronoUnit.DAYS.between(row.date("due_date"), asOf)),
                        row.isNull("noticed_level") ? 0 : row.integer("noticed_level")))
                .toList();
        return new NoticeStatement(asOf, lines);
    }
}
