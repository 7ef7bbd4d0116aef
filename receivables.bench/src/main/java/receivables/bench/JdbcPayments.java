package receivables.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The baseline of the payments load: the booking ours does, written by hand in JDBC, one transaction per payment
 * on a pool of as many connections as the host's. It locks the invoice and its open installments in one
 * statement, takes the next gap-free payment number, inserts the payment (its unique idempotency key refusing a
 * second one), the allocation and the journal entry with its lines (one batch), lowers what is open on the
 * installment and the invoice, and commits. It checks nothing else and writes no audit record.
 */
final class JdbcPayments implements PaymentLoad.Booking, AutoCloseable {

    private final String tenant;
    private final PaymentsLoadBenchmark.Plan plan;
    private final String keyPrefix;
    private final BlockingQueue<Connection> pool;
    private final List<Connection> connections = new ArrayList<>();

    JdbcPayments(FreshDatabase database, String tenant, PaymentsLoadBenchmark.Plan plan, String keyPrefix, int poolSize)
            throws SQLException {
        this.tenant = tenant;
        this.plan = plan;
        this.keyPrefix = keyPrefix;
        this.pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            connections.add(connection);
            pool.add(connection);
        }
    }

    @Override
    public boolean book(long sequence) throws SQLException, InterruptedException {
        Connection connection = pool.take();
        try {
            boolean booked = book(connection, sequence);
            connection.commit();
            if (booked) {
                plan.booked(sequence);
            }
            return booked;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            pool.add(connection);
        }
    }

    private boolean book(Connection connection, long sequence) throws SQLException {
        PaymentsLoadBenchmark.Target target = plan.target(sequence);
        BigDecimal amount = plan.amount(sequence);
        LocalDate valueDate = plan.valueDate();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        UUID installment;
        LocalDate issueDate;
        LocalDate dueDate;
        try (PreparedStatement locking = connection.prepareStatement("select i.id, i.issue_date, i.due_date"
                + " from installment i join invoice v"
                + " on v.tenant_id = i.tenant_id and v.id = i.invoice_id where i.tenant_id = ? and i.invoice_id = ?"
                + " and v.customer_id = ? and v.currency = 'EUR' and v.status in ('ISSUED', 'PARTIALLY_PAID')"
                + " and i.open_amount >= ? order by i.sequence_number limit 1 for update");
                ResultSet row = Jdbc.bind(locking, tenant, target.invoice(), target.customer(), amount).executeQuery()) {
            if (!row.next()) {
                return false;
            }
            installment = row.getObject(1, UUID.class);
            issueDate = row.getObject(2, LocalDate.class);
            dueDate = row.getObject(3, LocalDate.class);
        }
        long number;
        try (PreparedStatement counter = connection.prepareStatement("update payment_number_sequence"
                + " set last_number = last_number + 1 where tenant_id = ? and fiscal_year = ? returning last_number");
                ResultSet row = Jdbc.bind(counter, tenant, valueDate.getYear()).executeQuery()) {
            row.next();
            number = row.getLong(1);
        }
        String paymentNumber = String.format("PAY-%d-%06d", valueDate.getYear(), number);
        UUID payment = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("insert into payment (tenant_id, id, idempotency_key,"
                + " customer_id, method, currency, amount, unallocated_amount, value_date, version, created_at,"
                + " payment_number, status) values (?, ?, ?, ?, 'BANK_TRANSFER', 'EUR', ?, 0, ?, 0, ?, ?, 'RECEIVED')"
                + " on conflict (tenant_id, idempotency_key) do nothing")) {
            if (Jdbc.bind(insert, tenant, payment, keyPrefix + sequence, target.customer(), amount, valueDate, now,
                    paymentNumber).executeUpdate() == 0) {
                // Every key of the load is new: one booked before is a fault of the load, counted as a failure.
                connection.rollback();
                return false;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into allocation (tenant_id, id, payment_id,"
                + " invoice_id, installment_id, amount, value_date, allocated_at, customer_id, currency, issue_date,"
                + " due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)")) {
            Jdbc.bind(insert, tenant, UUID.randomUUID(), payment, target.invoice(), installment, amount, valueDate, now,
                    target.customer(), issueDate, dueDate).executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("update installment set open_amount = open_amount - ?,"
                + " version = version + 1 where tenant_id = ? and id = ?")) {
            Jdbc.bind(update, amount, tenant, installment).executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("update invoice set open_amount = open_amount - ?,"
                + " status = case when open_amount = ? then 'PAID' else 'PARTIALLY_PAID' end, version = version + 1,"
                + " updated_at = ? where tenant_id = ? and id = ?")) {
            Jdbc.bind(update, amount, amount, now, tenant, target.invoice()).executeUpdate();
        }
        UUID entry = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("insert into journal_entry (tenant_id, id, entry_date,"
                + " kind, reference, created_at, rate) values (?, ?, ?, 'PAYMENT_RECEIVED', ?, ?, 1)")) {
            Jdbc.bind(insert, tenant, entry, valueDate, paymentNumber, now).executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into journal_line (tenant_id, id, entry_id,"
                + " line_number, account, currency, debit, credit, functional_debit, functional_credit)"
                + " values (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)")) {
            Jdbc.addBatch(insert, tenant, UUID.randomUUID(), entry, 1, "CASH", amount, BigDecimal.ZERO, amount,
                    BigDecimal.ZERO);
            Jdbc.addBatch(insert, tenant, UUID.randomUUID(), entry, 2, "RECEIVABLE", BigDecimal.ZERO, amount,
                    BigDecimal.ZERO, amount);
            insert.executeBatch();
        }
        return true;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
