package receivables.impl.risk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.hibernate.Session;

import jakarta.persistence.Tuple;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.WholeTenantReads;

/**
 * A tenant's payment history read once from the ledger: every installment with what was allocated to it and when,
 * the disputes on its invoices and the dunning notices its customer got. Every question it answers is asked as of a
 * day and counts only what had happened by then, so that a model trained as of a past day learns only what was known
 * that day.
 */
final class PaymentHistory {

    /** An allocation to an installment: its value date, its amount (negative when it takes one back) and its kind. */
    record Allocation(LocalDate day, BigDecimal amount, boolean writeOff) {
    }

    /** An installment and everything allocated to it, by value date. */
    record Installment(UUID id, UUID invoiceId, int sequence, UUID customerId, LocalDate issued, LocalDate due,
            BigDecimal amount, List<Allocation> allocations) {

        /** What was open at the end of {@code day}. */
        BigDecimal openOn(LocalDate day) {
            BigDecimal open = issued.isAfter(day) ? BigDecimal.ZERO : amount;
            for (Allocation allocation : allocations) {
                if (!allocation.day().isAfter(day)) {
                    open = open.subtract(allocation.amount());
                }
            }
            return open;
        }

        boolean openAt(LocalDate day) {
            return !issued.isAfter(day) && openOn(day).signum() > 0;
        }

        /** Whether anything of it was written off by {@code day}. */
        boolean writtenOffBy(LocalDate day) {
            return allocations.stream().anyMatch(a -> a.writeOff() && a.amount().signum() > 0 && !a.day().isAfter(day));
        }

        /**
         * The day it was settled, as known at the end of {@code known}: the last allocation's day once nothing was
         * open any more; null while it is open, and when a write-off settled it (it was not paid).
         */
        LocalDate settledOn(LocalDate known) {
            if (issued.isAfter(known) || openOn(known).signum() > 0 || writtenOffBy(known)) {
                return null;
            }
            LocalDate last = issued;
            for (Allocation allocation : allocations) {
                if (!allocation.day().isAfter(known) && allocation.day().isAfter(last)) {
                    last = allocation.day();
                }
            }
            return last;
        }

        /** Days between the due date and the day it was settled, as known on {@code known}; null when not settled. */
        Integer daysLate(LocalDate known) {
            LocalDate settled = settledOn(known);
            return settled == null ? null : (int) (settled.toEpochDay() - due.toEpochDay());
        }

        /**
         * Whether it was paid more than {@value RiskFeatures#SEVERE_DAYS} days late or never, as known on
         * {@code known}: true once written off or still open that many days past due, false once settled before;
         * null while it could still go either way.
         */
        Boolean over90(LocalDate known) {
            LocalDate limit = due.plusDays(RiskFeatures.SEVERE_DAYS);
            if (writtenOffBy(known.isBefore(limit) ? known : limit)) {
                return Boolean.TRUE;
            }
            Integer late = daysLate(known.isBefore(limit) ? known : limit);
            if (late != null) {
                return Boolean.FALSE;
            }
            return known.isAfter(limit) ? Boolean.TRUE : null;
        }
    }

    /** A dispute on an invoice: the day it was opened and the day it was resolved (null while it is open). */
    record Dispute(UUID invoiceId, LocalDate opened, LocalDate resolved) {
    }

    /** A dunning notice sent to a customer on {@code day} at {@code level}. */
    record Notice(LocalDate day, int level) {
    }

    /**
     * A customer: its credit limit (zero without one), its installments by issue day, the disputes on its invoices and
     * the dunning notices it got.
     */
    record Customer(UUID id, BigDecimal creditLimit, List<Installment> installments, List<Dispute> disputes,
            List<Notice> notices) {
    }

    private final Map<UUID, Customer> customers;
    private final List<Customer> ordered;
    private final Map<UUID, List<Dispute>> disputesByInvoice;

    /** The history of these customers, each with its installments by issue day. */
    PaymentHistory(List<Customer> customers) {
        this.customers = new HashMap<>();
        this.ordered = List.copyOf(customers);
        this.disputesByInvoice = new HashMap<>();
        for (Customer customer : customers) {
            this.customers.put(customer.id(), customer);
            customer.disputes().forEach(dispute -> disputesByInvoice.computeIfAbsent(dispute.invoiceId(),
                    id -> new ArrayList<>()).add(dispute));
        }
    }

    /** The tenant's whole history; what happened after a day is left out by each question, not here. */
    static PaymentHistory read(Session session, TenantId tenant) {
        // The model learns from every installment and allocation of the tenant: hashed, not looked up row by row.
        WholeTenantReads.hashed(session);
        return read(session, tenant, null);
    }

    /** The history of these customers of the tenant (each one's questions are answered from its own rows alone). */
    static PaymentHistory read(Session session, TenantId tenant, Collection<UUID> only) {
        Map<UUID, BigDecimal> limits = new HashMap<>();
        rows(session, tenant, only, "select id, credit_limit from customer_account where tenant_id = :tenant", "id")
                .forEach(row -> limits.put(row.uuid("id"), row.isNull("credit_limit") ? BigDecimal.ZERO
                        : row.decimal("credit_limit")));
        Map<UUID, List<Allocation>> allocations = new HashMap<>();
        rows(session, tenant, only, "select a.installment_id, a.value_date, a.amount, a.write_off_id from allocation a"
                        + (only == null ? "" : " join installment i on i.tenant_id = a.tenant_id and i.id = a.installment_id")
                        + " where a.tenant_id = :tenant", "i.customer_id")
                .forEach(row -> allocations.computeIfAbsent(row.uuid("installment_id"), id -> new ArrayList<>())
                        .add(new Allocation(row.date("value_date"), row.decimal("amount"), !row.isNull("write_off_id"))));
        Map<UUID, List<Installment>> installments = new HashMap<>();
        rows(session, tenant, only, "select id, invoice_id, sequence_number, customer_id, issue_date, due_date, amount"
                        + " from installment where tenant_id = :tenant", "customer_id")
                .forEach(row -> installments.computeIfAbsent(row.uuid("customer_id"), id -> new ArrayList<>())
                        .add(new Installment(row.uuid("id"), row.uuid("invoice_id"), row.integer("sequence_number"),
                                row.uuid("customer_id"), row.date("issue_date"), row.date("due_date"),
                                row.decimal("amount"), List.copyOf(allocations.getOrDefault(row.uuid("id"), List.of())))));
        Map<UUID, List<Dispute>> disputes = new HashMap<>();
        rows(session, tenant, only, "select d.invoice_id, v.customer_id, d.opened_at, d.resolved_at"
                        + " from invoice_dispute d join invoice v on v.tenant_id = d.tenant_id and v.id = d.invoice_id"
                        + " where d.tenant_id = :tenant", "v.customer_id")
                .forEach(row -> {
                    Dispute dispute = new Dispute(row.uuid("invoice_id"), day(row, "opened_at"),
                            row.isNull("resolved_at") ? null : day(row, "resolved_at"));
                    disputes.computeIfAbsent(row.uuid("customer_id"), id -> new ArrayList<>()).add(dispute);
                });
        Map<UUID, List<Notice>> notices = new HashMap<>();
        rows(session, tenant, only, "select customer_id, run_date, notice_level from dunning_notice"
                        + " where tenant_id = :tenant", "customer_id")
                .forEach(row -> notices.computeIfAbsent(row.uuid("customer_id"), id -> new ArrayList<>())
                        .add(new Notice(row.date("run_date"), row.integer("notice_level"))));
        List<Customer> customers = new ArrayList<>();
        limits.forEach((id, limit) -> {
            List<Installment> own = new ArrayList<>(installments.getOrDefault(id, List.of()));
            own.sort(Comparator.comparing(Installment::issued).thenComparing(Installment::due)
                    .thenComparing(Installment::id));
            customers.add(new Customer(id, limit, List.copyOf(own), List.copyOf(disputes.getOrDefault(id, List.of())),
                    List.copyOf(notices.getOrDefault(id, List.of()))));
        });
        // In the order of their ids, so that a model learns from the same examples in the same order on every node.
        customers.sort(Comparator.comparing(Customer::id));
        return new PaymentHistory(customers);
    }

    /** The rows {@code sql} selects, of the customers {@code only} names by {@code customerColumn} (all for null). */
    private static Stream<NativeRow> rows(Session session, TenantId tenant, Collection<UUID> only, String sql,
            String customerColumn) {
        var query = session.createNativeQuery(only == null ? sql : sql + " and " + customerColumn + " in (:customers)",
                Tuple.class).setParameter("tenant", tenant.value());
        return NativeRow.stream(only == null ? query : query.setParameterList("customers", only));
    }

    private static LocalDate day(NativeRow row, String column) {
        return row.instant(column).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    List<Customer> customers() {
        return ordered;
    }

    Customer customer(UUID id) {
        return customers.get(id);
    }

    /** Whether a dispute on the invoice was open at the end of {@code day}. */
    boolean disputed(UUID invoiceId, LocalDate day) {
        return disputesByInvoice.getOrDefault(invoiceId, List.of()).stream()
                .anyMatch(d -> !d.opened().isAfter(day) && (d.resolved() == null || d.resolved().isAfter(day)));
    }
}
