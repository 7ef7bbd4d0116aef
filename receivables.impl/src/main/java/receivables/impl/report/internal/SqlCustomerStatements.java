package receivables.impl.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.CustomerStatement;
import receivables.api.report.CustomerStatements;
import receivables.api.report.OpenItem;
import receivables.api.report.StatementMovement;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.validation.internal.Violations;

/**
 * Statements and open items aggregated by the database: the opening balance is one sum over everything
 * before the period, the movements are only the period's invoices and payments, and what an installment
 * still had open on a day is summed from its allocations up to that day. A customer's history is never
 * loaded into memory.
 *
 * <p>Native SQL bypasses Hibernate's tenant filter, so every query names the tenant itself.
 */
@Component(service = CustomerStatements.class)
public class SqlCustomerStatements implements CustomerStatements {

    // Invoices count from the day they are issued (drafts have no issue date); payments from their value date,
    // credit notes, write-offs and refunds from their own dates. A reversal owes again what refunds left of the
    // payment (refunds are refused once a payment is reversed, so they all come before it).
    private static final String OPENING_BALANCE = """
            select coalesce(sum(m.amount), 0) from (
                select v.gross_amount amount from invoice v
                where v.tenant_id = :tenant and v.customer_id = :customer and v.currency = :currency
                  and v.issue_date < :from
                union all
                select -p.amount from payment p
                where p.tenant_id = :tenant and p.customer_id = :customer and p.currency = :currency
                  and p.value_date < :from
                union all
                select -c.gross_amount from credit_note c
                where c.tenant_id = :tenant and c.customer_id = :customer and c.currency = :currency
                  and c.credit_date < :from
                union all
                select -w.amount from write_off w
                where w.tenant_id = :tenant and w.customer_id = :customer and w.currency = :currency
                  and w.write_off_date < :from
                union all
                select r.amount from payment_refund r
                join payment p on p.tenant_id = r.tenant_id and p.id = r.payment_id
                where r.tenant_id = :tenant and p.customer_id = :customer and r.currency = :currency
                  and r.refund_date < :from
                union all
                select p.amount - coalesce((select sum(r.amount) from payment_refund r
                                            where r.tenant_id = p.tenant_id and r.payment_id = p.id), 0)
                from payment p
                where p.tenant_id = :tenant and p.customer_id = :customer and p.currency = :currency
                  and p.status = 'REVERSED' and p.reversed_on < :from
            ) m""";

    // A day's invoices come first, then its credit notes, payments, discounts and write-offs, refunds and reversed
    // payments (the rank). Debits are positive, credits negative.
    private static final String MOVEMENTS = """
            select m.movement_date, m.kind, m.reference, m.amount from (
                select v.issue_date movement_date, 1 movement_rank, 'INVOICE' kind, v.invoice_number reference,
                       v.gross_amount amount
                from invoice v
                where v.tenant_id = :tenant and v.customer_id = :customer and v.currency = :currency
                  and v.issue_date between :from and :to
                union all
                select c.credit_date, 2, 'CREDIT_NOTE', c.credit_note_number, -c.gross_amount
                from credit_note c
                where c.tenant_id = :tenant and c.customer_id = :customer and c.currency = :currency
                  and c.credit_date between :from and :to
                union all
                select p.value_date, 3, 'PAYMENT', p.payment_number, -p.amount
                from payment p
                where p.tenant_id = :tenant and p.customer_id = :customer and p.currency = :currency
                  and p.value_date between :from and :to
                union all
                select w.write_off_date, 4, case when w.kind = 'CASH_DISCOUNT' then 'CASH_DISCOUNT' else 'WRITE_OFF' end,
                       v.invoice_number, -w.amount
                from write_off w
                join invoice v on v.tenant_id = w.tenant_id and v.id = w.invoice_id
                where w.tenant_id = :tenant and w.customer_id = :customer and w.currency = :currency
                  and w.write_off_date between :from and :to
                union all
                select r.refund_date, 5, 'REFUND', p.payment_number, r.amount
                from payment_refund r
                join payment p on p.tenant_id = r.tenant_id and p.id = r.payment_id
                where r.tenant_id = :tenant and p.customer_id = :customer and r.currency = :currency
                  and r.refund_date between :from and :to
                union all
                select p.reversed_on, 6, 'PAYMENT_REVERSED', p.payment_number,
                       p.amount - coalesce((select sum(r.amount) from payment_refund r
                                            where r.tenant_id = p.tenant_id and r.payment_id = p.id), 0)
                from payment p
                where p.tenant_id = :tenant and p.customer_id = :customer and p.currency = :currency
                  and p.status = 'REVERSED' and p.reversed_on between :from and :to
            ) m
            where m.amount <> 0
            order by m.movement_date, m.movement_rank, m.reference""";

    // Allocations are joined through their invoice id, which their index starts with after the tenant; a
    // settlement by a cash-discount write-off tells that the installment had its discount.
    private static final String OPEN_ITEMS = """
            select i.invoice_id, v.invoice_number, i.sequence_number, i.issue_date, i.due_date, i.currency, i.amount,
                   i.amount - coalesce(sum(a.amount), 0) open_amount, i.discount_until, i.discount_amount,
                   count(w.id) discounts
            from installment i
            join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id
            left join allocation a on a.tenant_id = i.tenant_id and a.invoice_id = i.invoice_id
                 and a.installment_id = i.id and a.value_date <= :asOf
            left join write_off w on w.tenant_id = a.tenant_id and w.id = a.write_off_id and w.kind = 'CASH_DISCOUNT'
            where i.tenant_id = :tenant and i.customer_id = :customer and i.issue_date <= :asOf
            group by i.invoice_id, v.invoice_number, i.sequence_number, i.issue_date, i.due_date, i.currency, i.amount,
                     i.discount_until, i.discount_amount
            having i.amount - coalesce(sum(a.amount), 0) <> 0
            order by i.due_date, v.invoice_number, i.sequence_number""";

    private final Database database;

    @Activate
    public SqlCustomerStatements(@Reference Database database) {
        this.database = database;
    }

    @Override
    public CustomerStatement statement(TenantId tenant, UUID customerId, String currency, LocalDate from, LocalDate to) {
        validatePeriod(customerId, currency, from, to);
        return database.inTransaction(tenant, session -> {
            String customerName = requireCustomer(session, tenant, customerId);
            Money opening = Money.of(NativeValues.decimal(session.createNativeQuery(OPENING_BALANCE, Object.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("customer", customerId)
                    .setParameter("currency", currency)
                    .setParameter("from", from)
                    .getSingleResult()), currency);
            Money balance = opening;
            Money zero = Money.zero(currency);
            List<StatementMovement> movements = new ArrayList<>();
            List<Object[]> rows = session.createNativeQuery(MOVEMENTS, Object[].class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("customer", customerId)
                    .setParameter("currency", currency)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList();
            for (Object[] row : rows) {
                String kind = (String) row[1];
                Money amount = Money.of(NativeValues.decimal(row[3]), currency);
                Money debit = amount.isPositive() ? amount : zero;
                Money credit = amount.isPositive() ? zero : amount.negate();
                balance = balance.plus(debit).minus(credit);
                movements.add(new StatementMovement((LocalDate) row[0], kind, (String) row[2], debit, credit, balance));
            }
            return new CustomerStatement(customerId, customerName, currency, from, to, opening, movements, balance);
        });
    }

    @Override
    public List<OpenItem> openItems(TenantId tenant, UUID customerId, LocalDate asOf) {
        new Violations().required("customerId", customerId).required("asOf", asOf).throwIfAny();
        return database.inTransaction(tenant, session -> {
            requireCustomer(session, tenant, customerId);
            List<OpenItem> items = new ArrayList<>();
            List<Object[]> rows = session.createNativeQuery(OPEN_ITEMS, Object[].class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("customer", customerId)
                    .setParameter("asOf", asOf)
                    .getResultList();
            for (Object[] row : rows) {
                String currency = (String) row[5];
                LocalDate dueDate = (LocalDate) row[4];
                long overdue = Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
                Money open = Money.of(NativeValues.decimal(row[7]), currency);
                LocalDate discountUntil = (LocalDate) row[8];
                boolean offered = discountUntil != null && row[9] != null && !asOf.isAfter(discountUntil)
                        && ((Number) row[10]).longValue() == 0 && open.isPositive();
                items.add(new OpenItem(NativeValues.uuid(row[0]), (String) row[1], ((Number) row[2]).intValue(),
                        (LocalDate) row[3], dueDate, Money.of(NativeValues.decimal(row[6]), currency), open,
                        Math.toIntExact(overdue), offered ? discountUntil : null,
                        offered ? Money.of(NativeValues.decimal(row[9]), currency).min(open) : null));
            }
            return items;
        });
    }

    /** Every problem of the request at once; the period is bounded so that one statement stays readable. */
    private static void validatePeriod(UUID customerId, String currency, LocalDate from, LocalDate to) {
        Violations violations = new Violations().required("customerId", customerId)
                .required("currency", currency).currency("currency", currency)
                .required("from", from).required("to", to);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                violations.add("from", "must not be after to (" + to + ")");
            } else if (!to.isBefore(from.plusYears(MAX_PERIOD_YEARS))) {
                violations.add("to", "must be at most " + from.plusYears(MAX_PERIOD_YEARS).minusDays(1)
                        + ": a statement covers at most " + MAX_PERIOD_YEARS + " years");
            }
        }
        violations.throwIfAny();
    }

    /** The customer's name; a customer of another tenant is as unknown as one that does not exist. */
    private static String requireCustomer(Session session, TenantId tenant, UUID customerId) {
        return session.createNativeQuery("select c.name from customer_account c where c.tenant_id = :tenant and c.id = :customer",
                        String.class)
                .setParameter("tenant", tenant.value())
                .setParameter("customer", customerId)
                .uniqueResultOptional()
                .orElseThrow(() -> new InvalidRequestException(FieldViolation.of("customerId",
                        "is not a customer of this tenant")));
    }
}
