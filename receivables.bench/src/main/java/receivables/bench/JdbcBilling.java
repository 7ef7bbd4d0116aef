package receivables.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;

/**
 * The billing run's baseline: what a competent engineer writes by hand with JDBC to invoice and issue the
 * same orders with the same effect on the database. Per order an issued invoice, its lines, one NET30
 * installment, and a journal entry (Dr receivable gross, Cr revenue net, Cr tax payable tax); per 200
 * orders one counter update reserves the invoice numbers, every table gets one PreparedStatement batch, and
 * the transaction commits. Rounding as ours: line net = quantity x unit price rounded half-up to the
 * currency's decimals, line tax = net x rate rounded half-up, invoice totals the sums of the lines.
 *
 * <p>It writes and nothing else: it does not look up customers, check for orders invoiced before, run
 * credit checks nor record progress, all of which our billing run does. That difference is part of what
 * the ratio measures.
 */
final class JdbcBilling {

    static final int ORDERS_PER_COMMIT = 200;
    static final int NET_DAYS = 30;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private JdbcBilling() {
    }

    static void bill(Connection connection, String tenant, List<SalesOrder> orders, LocalDate issueDate) throws SQLException {
        Jdbc.withAutoCommit(connection, false, byHand -> billInBatches(byHand, tenant, orders, issueDate));
    }

    private static void billInBatches(Connection connection, String tenant, List<SalesOrder> orders, LocalDate issueDate)
            throws SQLException {
        int year = issueDate.getYear();
        LocalDate dueDate = issueDate.plusDays(NET_DAYS);
        try (PreparedStatement reserve = connection.prepareStatement(
                        "update invoice_number_sequence set last_number = last_number + ? where tenant_id = ? and fiscal_year = ?");
                PreparedStatement lastNumber = connection.prepareStatement(
                        "select last_number from invoice_number_sequence where tenant_id = ? and fiscal_year = ?");
                PreparedStatement invoice = connection.prepareStatement("insert into invoice (tenant_id, id, invoice_number,"
                        + " order_id, customer_id, currency, status, terms_code, order_date, issue_date, due_date, net_amount,"
                        + " tax_amount, gross_amount, open_amount, version, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'ISSUED', 'NET30', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
                PreparedStatement invoiceLine = connection.prepareStatement("insert into invoice_line (tenant_id, id,"
                        + " invoice_id, line_number, product, description, quantity, unit_price, discount_percent, tax_rate,"
                        + " net_amount, tax_amount) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
                PreparedStatement installment = connection.prepareStatement("insert into installment (tenant_id, id,"
                        + " invoice_id, sequence_number, customer_id, currency, issue_date, due_date, amount, open_amount,"
                        + " version) values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 0)");
                PreparedStatement journalEntry = connection.prepareStatement("insert into journal_entry (tenant_id, id,"
                        + " entry_date, kind, reference, created_at, rate) values (?, ?, ?, 'INVOICE_ISSUED', ?, ?, 1)");
                PreparedStatement journalLine = connection.prepareStatement("insert into journal_line (tenant_id, id,"
                        + " entry_id, line_number, account, currency, debit, credit, functional_debit, functional_credit)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            prepareCounter(connection, tenant, year);
            for (int from = 0; from < orders.size(); from += ORDERS_PER_COMMIT) {
                List<SalesOrder> chunk = orders.subList(from, Math.min(orders.size(), from + ORDERS_PER_COMMIT));
                long number = reserveNumbers(reserve, lastNumber, tenant, year, chunk.size());
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                for (SalesOrder order : chunk) {
                    UUID invoiceId = UUID.randomUUID();
                    String invoiceNumber = String.format("INV-%d-%06d", year, number++);
                    int scale = Currency.getInstance(order.currency()).getDefaultFractionDigits();
                    BigDecimal net = BigDecimal.ZERO.setScale(scale);
                    BigDecimal tax = BigDecimal.ZERO.setScale(scale);
                    int lineNumber = 0;
                    for (OrderLine line : order.lines()) {
                        BigDecimal rate = line.taxRate() == null ? BigDecimal.ZERO : line.taxRate();
                        BigDecimal lineNet = line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_UP);
                        BigDecimal lineTax = lineNet.multiply(rate).divide(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
                        net = net.add(lineNet);
                        tax = tax.add(lineTax);
                        Jdbc.addBatch(invoiceLine, tenant, UUID.randomUUID(), invoiceId, ++lineNumber, line.product(),
                                line.description(), line.quantity(), line.unitPrice(), rate, lineNet, lineTax);
                    }
                    BigDecimal gross = net.add(tax);

                    Jdbc.addBatch(invoice, tenant, invoiceId, invoiceNumber, order.orderId(), order.customerId(),
                            order.currency(), order.orderDate(), issueDate, dueDate, net, tax, gross, gross, now, now);
                    Jdbc.addBatch(installment, tenant, UUID.randomUUID(), invoiceId, order.customerId(), order.currency(),
                            issueDate, dueDate, gross, gross);
                    UUID entryId = UUID.randomUUID();
                    Jdbc.addBatch(journalEntry, tenant, entryId, issueDate, invoiceNumber, now);
                    BigDecimal zero = BigDecimal.ZERO.setScale(scale);
                    addJournalLine(journalLine, tenant, entryId, 1, "RECEIVABLE", order.currency(), gross, zero);
                    addJournalLine(journalLine, tenant, entryId, 2, "REVENUE", order.currency(), zero, net);
                    if (tax.signum() > 0) {
                        addJournalLine(journalLine, tenant, entryId, 3, "TAX_PAYABLE", order.currency(), zero, tax);
                    }
                }
                invoice.executeBatch();
                invoiceLine.executeBatch();
                installment.executeBatch();
                journalEntry.executeBatch();
                journalLine.executeBatch();
                connection.commit();
            }
        }
    }

    private static void addJournalLine(PreparedStatement journalLine, String tenant, UUID entryId, int lineNumber,
            String account, String currency, BigDecimal debit, BigDecimal credit) throws SQLException {
        // The orders are in the functional currency: the same amounts at rate 1.
        Jdbc.addBatch(journalLine, tenant, UUID.randomUUID(), entryId, lineNumber, account, currency, debit, credit, debit,
                credit);
    }

    /** The year's counter row, created once before the run. */
    private static void prepareCounter(Connection connection, String tenant, int year) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "select 1 from invoice_number_sequence where tenant_id = ? and fiscal_year = ?")) {
            try (ResultSet row = Jdbc.bind(exists, tenant, year).executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into invoice_number_sequence (tenant_id, fiscal_year, last_number) values (?, ?, 0)")) {
            Jdbc.bind(insert, tenant, year).executeUpdate();
        }
        connection.commit();
    }

    /** Reserves {@code count} gap-free numbers under the counter row's lock and returns the first. */
    private static long reserveNumbers(PreparedStatement reserve, PreparedStatement lastNumber, String tenant, int year,
            int count) throws SQLException {
        if (Jdbc.bind(reserve, count, tenant, year).executeUpdate() != 1) {
            throw new IllegalStateException("no invoice number counter for " + tenant + " in " + year);
        }
        try (ResultSet row = Jdbc.bind(lastNumber, tenant, year).executeQuery()) {
            row.next();
            return row.getLong(1) - count + 1;
        }
    }
}
