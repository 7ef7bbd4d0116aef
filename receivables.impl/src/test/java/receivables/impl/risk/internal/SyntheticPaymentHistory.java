package receivables.impl.risk.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * A tenant's ledger of invoices, payments, disputes and dunning notices, generated with a fixed seed from customers
 * whose payment behaviour is hidden from the model: it sees only the ledger. Written straight into the tables, as the
 * ledger's services would have left them, so that years of history take a moment.
 *
 * <ul>
 * <li>{@link Behaviour#PUNCTUAL} pays around its due date;</li>
 * <li>{@link Behaviour#SLOW} pays 20 to 45 days late, always;</li>
 * <li>{@link Behaviour#DETERIORATING} pays on time until a day, then 3 to 8 days later every month;</li>
 * <li>{@link Behaviour#DEFAULTER} pays 5 to 20 days late until a day, then never again.</li>
 * </ul>
 * Every customer pays a disputed invoice (one in twelve) about 25 days later and one three times its usual size
 * (one in ten) about 10 days later. Dunning notices go out 10, 30 and 60 days past due (levels 1 to 3) while an
 * installment is open. Terms are 30 days, one installment per invoice, all in EUR.
 */
final class SyntheticPaymentHistory {

    enum Behaviour {
        PUNCTUAL, SLOW, DETERIORATING, DEFAULTER
    }

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int TERMS = 30;
    private static final int[] DUNNING_DAYS = { 10, 30, 60 };

    private final TenantId tenant;
    private final long seed;
    private final int customersPerBehaviour;
    private final LocalDate end;
    private final Map<Behaviour, List<UUID>> customers = new EnumMap<>(Behaviour.class);

    SyntheticPaymentHistory(TenantId tenant, long seed, int customersPerBehaviour, LocalDate end) {
        this.tenant = tenant;
        this.seed = seed;
        this.customersPerBehaviour = customersPerBehaviour;
        this.end = end;
    }

    List<UUID> customers(Behaviour behaviour) {
        return customers.getOrDefault(behaviour, List.of());
    }

    /** Writes the history up to {@code end} into the tenant's tables. */
    SyntheticPaymentHistory writeTo(Database database) {
        database.inTransaction(tenant, session -> {
            session.doWork(this::write);
            return null;
        });
        return this;
    }

    private void write(Connection connection) throws SQLException {
        Random random = new Random(seed);
        Instant now = end.atStartOfDay().toInstant(ZoneOffset.UTC);
        try (PreparedStatement customer = connection.prepareStatement("insert into customer_account (tenant_id, id,"
                + " customer_number, name, currency, version, created_at, updated_at, credit_limit)"
                + " values (?, ?, ?, ?, 'EUR', 0, ?, ?, ?)");
                PreparedStatement invoice = connection.prepareStatement("insert into invoice (tenant_id, id,"
                        + " invoice_number, order_id, customer_id, currency, status, terms_code, order_date,"
                        + " issue_date, due_date, net_amount, tax_amount, gross_amount, open_amount, version,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, 'EUR', ?, 'NET30', ?, ?, ?, ?, 0, ?, ?, 0,"
                        + " ?, ?)");
                PreparedStatement installment = connection.prepareStatement("insert into installment (tenant_id,"
                        + " id, invoice_id, sequence_number, customer_id, currency, issue_date, due_date, amount,"
                        + " open_amount, version) values (?, ?, ?, 1, ?, 'EUR', ?, ?, ?, ?, 0)");
                PreparedStatement payment = connection.prepareStatement("insert into payment (tenant_id, id,"
                        + " idempotency_key, customer_id, method, currency, amount, unallocated_amount, value_date,"
                        + " version, created_at, payment_number) values (?, ?, ?, ?, 'BANK_TRANSFER', 'EUR', ?, 0, ?,"
                        + " 0, ?, ?)");
                PreparedStatement allocation = connection.prepareStatement("insert into allocation (tenant_id, id,"
                        + " payment_id, invoice_id, installment_id, amount, value_date, allocated_at, customer_id,"
                        + " currency, issue_date, due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)");
                PreparedStatement dispute = connection.prepareStatement("insert into invoice_dispute (tenant_id, id,"
                        + " invoice_id, reason, opened_at, resolved_at) values (?, ?, ?, 'goods damaged', ?, ?)");
                PreparedStatement notice = connection.prepareStatement("insert into dunning_notice (tenant_id, id,"
                        + " run_date, customer_id, notice_level, currency, overdue, fee, interest, channel, delivery,"
                        + " attempts, created_at) values (?, ?, ?, ?, ?, 'EUR', ?, 0, 0, 'EMAIL', 'DELIVERED', 1, ?)")) {
            int number = 0;
            int customerNumber = 0;
            for (Behaviour behaviour : Behaviour.values()) {
                for (int c = 0; c < customersPerBehaviour; c++) {
                    UUID id = new UUID(seed, ++customerNumber);
                    customers.computeIfAbsent(behaviour, b -> new ArrayList<>()).add(id);
                    double usual = 500 + random.nextDouble() * 9_500;
                    double slowBy = 20 + random.nextDouble() * 25;
                    LocalDate turn = START.plusDays(180 + random.nextInt(600));
                    double worseningPerMonth = 3 + random.nextDouble() * 5;
                    double lateBy = 5 + random.nextDouble() * 15;
                    customer.setString(1, tenant.value());
                    customer.setObject(2, id);
                    customer.setString(3, "C-" + customerNumber);
                    customer.setString(4, behaviour + " " + customerNumber);
                    customer.setTimestamp(5, Timestamp.from(now));
                    customer.setTimestamp(6, Timestamp.from(now));
                    customer.setBigDecimal(7, money(usual * 4));
                    customer.addBatch();
                    Map<LocalDate, Integer> notices = new TreeMap<>();
                    for (LocalDate issued = START.plusDays(random.nextInt(30)); !issued.isAfter(end);
                            issued = issued.plusDays(7 + random.nextInt(15))) {
                        boolean large = random.nextDouble() < 0.1;
                        boolean disputed = random.nextDouble() < 1.0 / 12;
                        BigDecimal amount = money(usual * (large ? 3 : 1) * (0.8 + 0.4 * random.nextDouble()));
                        LocalDate due = issued.plusDays(TERMS);
                        double delay = switch (behaviour) {
                            case PUNCTUAL -> random.nextGaussian() * 3 - 1;
                            case SLOW -> slowBy + random.nextGaussian() * 6;
                            case DETERIORATING -> issued.isBefore(turn) ? random.nextGaussian() * 3
                                    : (issued.toEpochDay() - turn.toEpochDay()) / 30.0 * worseningPerMonth
                                            + random.nextGaussian() * 5;
                            case DEFAULTER -> lateBy + random.nextGaussian() * 5;
                        };
                        delay += (large ? 10 : 0) + (disputed ? 25 : 0);
                        LocalDate paid = due.plusDays(Math.round(delay));
                        if (paid.isBefore(issued)) {
                            paid = issued;
                        }
                        boolean neverPaid = behaviour == Behaviour.DEFAULTER && !paid.isBefore(turn);
                        boolean paidByEnd = !neverPaid && !paid.isAfter(end);
                        number++;
                        // Ids in the order of the history, so that ties between installments break the same way in
                        // every run.
                        UUID invoiceId = new UUID(seed + 1, number);
                        UUID installmentId = new UUID(seed + 2, number);
                        invoice.setString(1, tenant.value());
                        invoice.setObject(2, invoiceId);
                        invoice.setString(3, "INV-" + number);
                        invoice.setString(4, "SO-" + number);
                        invoice.setObject(5, id);
                        invoice.setString(6, paidByEnd ? "PAID" : "ISSUED");
                        invoice.setObject(7, issued);
                        invoice.setObject(8, issued);
                        invoice.setObject(9, due);
                        invoice.setBigDecimal(10, amount);
                        invoice.setBigDecimal(11, amount);
                        invoice.setBigDecimal(12, paidByEnd ? BigDecimal.ZERO : amount);
                        invoice.setTimestamp(13, Timestamp.from(now));
                        invoice.setTimestamp(14, Timestamp.from(now));
                        invoice.addBatch();
                        installment.setString(1, tenant.value());
                        installment.setObject(2, installmentId);
                        installment.setObject(3, invoiceId);
                        installment.setObject(4, id);
                        installment.setObject(5, issued);
                        installment.setObject(6, due);
                        installment.setBigDecimal(7, amount);
                        installment.setBigDecimal(8, paidByEnd ? BigDecimal.ZERO : amount);
                        installment.addBatch();
                        if (paidByEnd) {
                            UUID paymentId = new UUID(seed + 3, number);
                            payment.setString(1, tenant.value());
                            payment.setObject(2, paymentId);
                            payment.setString(3, "pay-" + number);
                            payment.setObject(4, id);
                            payment.setBigDecimal(5, amount);
                            payment.setObject(6, paid);
                            payment.setTimestamp(7, Timestamp.from(now));
                            payment.setString(8, "PAY-" + number);
                            payment.addBatch();
                            allocation.setString(1, tenant.value());
                            allocation.setObject(2, new UUID(seed + 4, number));
                            allocation.setObject(3, paymentId);
                            allocation.setObject(4, invoiceId);
                            allocation.setObject(5, installmentId);
                            allocation.setBigDecimal(6, amount);
                            allocation.setObject(7, paid);
                            allocation.setTimestamp(8, Timestamp.from(now));
                            allocation.setObject(9, id);
                            allocation.setObject(10, issued);
                            allocation.setObject(11, due);
                            allocation.addBatch();
                        }
                        if (disputed && !issued.plusDays(5).isAfter(end)) {
                            dispute.setString(1, tenant.value());
                            dispute.setObject(2, new UUID(seed + 5, number));
                            dispute.setObject(3, invoiceId);
                            dispute.setTimestamp(4, Timestamp.from(issued.plusDays(5).atStartOfDay()
                                    .toInstant(ZoneOffset.UTC)));
                            dispute.setTimestamp(5, paidByEnd ? Timestamp.from(paid.atStartOfDay()
                                    .toInstant(ZoneOffset.UTC)) : null);
                            dispute.addBatch();
                        }
                        for (int level = 1; level <= DUNNING_DAYS.length; level++) {
                            LocalDate run = due.plusDays(DUNNING_DAYS[level - 1]);
                            if (!run.isAfter(end) && (!paidByEnd || paid.isAfter(run))) {
                                notices.merge(run, level, Math::max);
                            }
                        }
                    }
                    for (Map.Entry<LocalDate, Integer> sent : notices.entrySet()) {
                        notice.setString(1, tenant.value());
                        notice.setObject(2, UUID.randomUUID());
                        notice.setObject(3, sent.getKey());
                        notice.setObject(4, id);
                        notice.setInt(5, sent.getValue());
                        notice.setBigDecimal(6, BigDecimal.ONE);
                        notice.setTimestamp(7, Timestamp.from(now));
                        notice.addBatch();
                    }
                }
            }
            customer.executeBatch();
            invoice.executeBatch();
            installment.executeBatch();
            payment.executeBatch();
            allocation.executeBatch();
            dispute.executeBatch();
            notice.executeBatch();
        }
    }

    /** Issues an invoice of one installment to the customer on {@code day}, due {@link #TERMS} days later. */
    UUID issue(Database database, UUID customer, LocalDate day, BigDecimal amount) {
        UUID invoice = UUID.randomUUID();
        Instant now = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        database.inTransaction(tenant, session -> {
            session.createNativeMutationQuery("insert into invoice (tenant_id, id, invoice_number, order_id,"
                            + " customer_id, currency, status, terms_code, order_date, issue_date, due_date, net_amount,"
                            + " tax_amount, gross_amount, open_amount, version, created_at, updated_at) values (:tenant,"
                            + " :id, :number, :number, :customer, 'EUR', 'ISSUED', 'NET30', :day, :day, :due, :amount, 0,"
                            + " :amount, :amount, 0, :now, :now)")
                    .setParameter("tenant", tenant.value()).setParameter("id", invoice)
                    .setParameter("number", "NEW-" + invoice).setParameter("customer", customer)
                    .setParameter("day", day).setParameter("due", day.plusDays(TERMS)).setParameter("amount", amount)
                    .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate();
            session.createNativeMutationQuery("insert into installment (tenant_id, id, invoice_id, sequence_number,"
                            + " customer_id, currency, issue_date, due_date, amount, open_amount, version) values"
                            + " (:tenant, :id, :invoice, 1, :customer, 'EUR', :day, :due, :amount, :amount, 0)")
                    .setParameter("tenant", tenant.value()).setParameter("id", UUID.randomUUID())
                    .setParameter("invoice", invoice).setParameter("customer", customer).setParameter("day", day)
                    .setParameter("due", day.plusDays(TERMS)).setParameter("amount", amount).executeUpdate();
            return null;
        });
        return invoice;
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
