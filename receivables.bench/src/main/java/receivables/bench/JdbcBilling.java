package receivables.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HexFormat;
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
 *
 * <p>{@link AuditTrail#BY_HAND} adds what our run has written since the audit trail became a requirement: one
 * audit record per issued invoice in {@code audit_record}, hash-chained in the tenant's {@code audit_chain_head},
 * whose changes list the invoice's fields, its lines' and its installment's as ours do (the same names and values,
 * so the same size). Per 200 orders that is the head read under its lock, one more PreparedStatement batch and the
 * head's update. The plain baseline ({@link AuditTrail#NONE}) is the yardstick the issues' ratios were set against.
 */
final class JdbcBilling {

    static final int ORDERS_PER_COMMIT = 200;
    static final int NET_DAYS = 30;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private JdbcBilling() {
    }

    /** Whether the baseline writes the audit records our run writes. */
    enum AuditTrail {
        NONE, BY_HAND
    }

    static void bill(Connection connection, String tenant, List<SalesOrder> orders, LocalDate issueDate,
            AuditTrail trail) throws SQLException {
        Jdbc.withAutoCommit(connection, false, byHand -> billInBatches(byHand, tenant, orders, issueDate, trail));
    }

    private static void billInBatches(Connection connection, String tenant, List<SalesOrder> orders, LocalDate issueDate,
            AuditTrail trail) throws SQLException {
        int year = issueDate.getYear();
        LocalDate dueDate = issueDate.plusDays(NET_DAYS);
        try (PreparedStatement reserve = connection.prepareStatement(
                        "update invoice_number_sequence set last_number = last_number + ? where tenant_id = ? and fiscal_year = ?");
                PreparedStatement lastNumber = connection.prepareStatement(
                        "select last_number from invoice_number_sequence where tenant_id = ? and fiscal_year = ?");
                PreparedStatement invoice = connection.prepareStatement("insert into invoice (tenant_id, id, invoice_number,"
                        + " number_key, order_id, customer_id, currency, status, terms_code, order_date, issue_date,"
                        + " due_date, net_amount, tax_amount, gross_amount, open_amount, version, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'ISSUED', 'NET30', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
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
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                AuditRecords audit = trail == AuditTrail.BY_HAND ? new AuditRecords(connection, tenant) : null) {
            prepareCounter(connection, tenant, year);
            for (int from = 0; from < orders.size(); from += ORDERS_PER_COMMIT) {
                List<SalesOrder> chunk = orders.subList(from, Math.min(orders.size(), from + ORDERS_PER_COMMIT));
                long number = reserveNumbers(reserve, lastNumber, tenant, year, chunk.size());
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                if (audit != null) {
                    audit.lockHead(now);
                }
                for (SalesOrder order : chunk) {
                    UUID invoiceId = UUID.randomUUID();
                    String invoiceNumber = String.format("INV-%d-%06d", year, number++);
                    int scale = Currency.getInstance(order.currency()).getDefaultFractionDigits();
                    BigDecimal net = BigDecimal.ZERO.setScale(scale);
                    BigDecimal tax = BigDecimal.ZERO.setScale(scale);
                    int lineNumber = 0;
                    StringBuilder lineChanges = new StringBuilder();
                    for (OrderLine line : order.lines()) {
                        BigDecimal rate = line.taxRate() == null ? BigDecimal.ZERO : line.taxRate();
                        BigDecimal lineNet = line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_UP);
                        BigDecimal lineTax = lineNet.multiply(rate).divide(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
                        net = net.add(lineNet);
                        tax = tax.add(lineTax);
                        UUID lineId = UUID.randomUUID();
                        Jdbc.addBatch(invoiceLine, tenant, lineId, invoiceId, ++lineNumber, line.product(),
                                line.description(), line.quantity(), line.unitPrice(), rate, lineNet, lineTax);
                        if (audit != null) {
                            String part = "lines[" + lineNumber + "].";
                            AuditRecords.field(lineChanges, part + "id", lineId);
                            AuditRecords.field(lineChanges, part + "description", line.description());
                            AuditRecords.field(lineChanges, part + "discountPercent", BigDecimal.ZERO);
                            AuditRecords.field(lineChanges, part + "net", lineNet);
                            AuditRecords.field(lineChanges, part + "product", line.product());
                            AuditRecords.field(lineChanges, part + "quantity", line.quantity());
                            AuditRecords.field(lineChanges, part + "tax", lineTax);
                            AuditRecords.field(lineChanges, part + "taxRate", rate);
                            AuditRecords.field(lineChanges, part + "unitPrice", line.unitPrice());
                        }
                    }
                    BigDecimal gross = net.add(tax);
                    UUID installmentId = UUID.randomUUID();
                    if (audit != null) {
                        StringBuilder changes = new StringBuilder();
                        AuditRecords.field(changes, "createdAt", now.toInstant());
                        AuditRecords.field(changes, "currency", order.currency());
                        AuditRecords.field(changes, "customerId", order.customerId());
                        AuditRecords.field(changes, "dueDate", dueDate);
                        AuditRecords.field(changes, "gross", gross);
                        AuditRecords.field(changes, "issueDate", issueDate);
                        AuditRecords.field(changes, "net", net);
                        AuditRecords.field(changes, "number", invoiceNumber);
                        AuditRecords.field(changes, "open", gross);
                        AuditRecords.field(changes, "orderDate", order.orderDate());
                        AuditRecords.field(changes, "orderId", order.orderId());
                        AuditRecords.field(changes, "status", "ISSUED");
                        AuditRecords.field(changes, "tax", tax);
                        AuditRecords.field(changes, "tenantId", tenant);
                        AuditRecords.field(changes, "termsCode", "NET30");
                        AuditRecords.field(changes, "updatedAt", now.toInstant());
                        if (!lineChanges.isEmpty()) {
                            changes.append(',').append(lineChanges);
                        }
                        AuditRecords.field(changes, "installments[1].id", installmentId);
                        AuditRecords.field(changes, "installments[1].amount", gross);
                        AuditRecords.field(changes, "installments[1].dueDate", dueDate);
                        AuditRecords.field(changes, "installments[1].open", gross);
                        audit.add("invoice", invoiceId, changes);
                    }

                    // the number's letters and digits, by which the statement import looks invoices up
                    Jdbc.addBatch(invoice, tenant, invoiceId, invoiceNumber, invoiceNumber.replace("-", ""),
                            order.orderId(), order.customerId(),
                            order.currency(), order.orderDate(), issueDate, dueDate, net, tax, gross, gross, now, now);
                    Jdbc.addBatch(installment, tenant, installmentId, invoiceId, order.customerId(), order.currency(),
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
                if (audit != null) {
                    audit.write();
                }
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

    /**
     * A batch's audit records written by hand: the tenant's chain head read under its lock, one record per invoice
     * whose hash is SHA-256 over the previous hash and the record's content, one PreparedStatement batch, the head
     * updated. The changes are a JSON list of {@code {"field": …, "after": …}}, as ours stores a creation.
     */
    private static final class AuditRecords implements AutoCloseable {

        private final Connection connection;
        private final String tenant;
        private final PreparedStatement insert;
        private final MessageDigest sha256;
        private long sequence;
        private String hash;
        private OffsetDateTime recordedAt;

        AuditRecords(Connection connection, String tenant) throws SQLException {
            this.connection = connection;
            this.tenant = tenant;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            try (PreparedStatement exists = connection.prepareStatement(
                    "select 1 from audit_chain_head where tenant_id = ?")) {
                try (ResultSet row = Jdbc.bind(exists, tenant).executeQuery()) {
                    if (!row.next()) {
                        try (PreparedStatement create = connection.prepareStatement("insert into audit_chain_head"
                                + " (tenant_id, last_sequence, last_hash) values (?, 0, ?)")) {
                            Jdbc.bind(create, tenant, "0".repeat(64)).executeUpdate();
                        }
                        connection.commit();
                    }
                }
            }
            insert = connection.prepareStatement("insert into audit_record (tenant_id, sequence_number, recorded_at,"
                    + " actor_kind, actor_id, client_address, request_id, entity_type, entity_id, operation, changes,"
                    + " previous_hash, record_hash) values (?, ?, ?, 'SYSTEM', 'background', null, null, ?, ?,"
                    + " 'CREATED', ?, ?, ?)");
        }

        void lockHead(OffsetDateTime now) throws SQLException {
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_sequence, last_hash from audit_chain_head where tenant_id = ? for update");
                    ResultSet row = Jdbc.bind(head, tenant).executeQuery()) {
                row.next();
                sequence = row.getLong(1);
                hash = row.getString(2);
            }
            recordedAt = now;
        }

        void add(String entityType, UUID entityId, StringBuilder fields) throws SQLException {
            String changes = "[" + fields + "]";
            String previous = hash;
            sha256.update((previous + ';' + tenant + ';' + ++sequence + ';' + recordedAt + ";SYSTEM;background;"
                    + entityType + ';' + entityId + ";CREATED;" + changes).getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(sha256.digest());
            Jdbc.addBatch(insert, tenant, sequence, recordedAt, entityType, entityId.toString(), changes, previous, hash);
        }

        void write() throws SQLException {
            insert.executeBatch();
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_chain_head set last_sequence = ?, last_hash = ? where tenant_id = ?")) {
                Jdbc.bind(update, sequence, hash, tenant).executeUpdate();
            }
        }

        /** Appends {@code {"field":name,"after":value}} to a JSON list's items; nulls are left out, as ours does. */
        static void field(StringBuilder changes, String name, Object value) {
            if (value == null) {
                return;
            }
            if (!changes.isEmpty()) {
                changes.append(',');
            }
            String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            changes.append("{\"field\":\"").append(name).append("\",\"after\":\"")
                    .append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
