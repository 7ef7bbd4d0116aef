package receivables.impl.reconciliation.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.api.statement.Direction;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementLine;
import receivables.impl.persistence.internal.NativeRow;
import receivables.impl.persistence.internal.NativeValues;
import receivables.impl.personal.internal.TenantCipher;

/**
 * The statement lines an import keeps (credit lines only: debits are not receivables' business) and the
 * suspense items made of them, in plain SQL.
 */
final class ImportedLines {

    static final String METHOD = "BANK_TRANSFER";
    static final String MATCHED = "MATCHED";
    static final String SUSPENDED = "SUSPENDED";
    static final String DISMISSED = "DISMISSED";
    private static final int MAX_PAYER_REFERENCE = 140;

    private ImportedLines() {
    }

    /** A line read from a file, with the account it is on and the key of its movement. */
    record Read(String key, String account, StatementLine line) {
    }

    /** A kept line as stored. */
    record Kept(UUID id, UUID importId, String key, String account, StatementLine line) {
    }

    /**
     * A line to store: what became of it, how sure matching was, and the customer and payment when it was booked.
     */
    record Stored(UUID id, Read read, String outcome, int confidence, UUID customerId, UUID paymentId) {
    }

    /** A suspense item to open for the stored line {@code lineId}, with what a clerk should look at first. */
    record Suspense(UUID lineId, List<MatchCandidate> candidates) {
    }

    /**
     * Stores lines in one JDBC batch, their payers sealed with {@code cipher} (the payer is personal data) and the
     * payers' IBANs indexed.
     */
    static void insert(Session session, String tenant, TenantCipher cipher, UUID importId, List<Stored> lines) {
        if (lines.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into bank_statement_line (tenant_id, id,"
                    + " line_key, import_id, account, statement_id, sequence_number, booking_date, value_date, currency,"
                    + " amount, end_to_end_id, creditor_reference, remittance_text, counterparty_name, counterparty_iban,"
                    + " counterparty_iban_index, bank_reference, reversal, outcome, confidence, customer_id, payment_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Stored stored : lines) {
                    Read read = stored.read();
                    StatementLine line = read.line();
                    insert.setString(1, tenant);
                    insert.setObject(2, stored.id());
                    insert.setString(3, read.key());
                    insert.setObject(4, importId);
                    insert.setString(5, NativeValues.clip(read.account(), 70));
                    insert.setString(6, NativeValues.clip(line.statementId(), 140));
                    insert.setInt(7, line.sequence());
                    insert.setObject(8, line.bookingDate(), Types.DATE);
                    insert.setObject(9, line.valueDate(), Types.DATE);
                    insert.setString(10, line.amount().currency());
                    insert.setBigDecimal(11, line.amount().amount());
                    insert.setString(12, NativeValues.clip(line.endToEndId(), 140));
                    insert.setString(13, NativeValues.clip(line.creditorReference(), 140));
                    insert.setString(14, NativeValues.clip(line.remittanceText(), 2000));
                    insert.setString(15, cipher.seal(NativeValues.clip(line.counterpartyName(), 140)));
                    insert.setString(16, cipher.seal(NativeValues.clip(line.counterpartyIban(), 70)));
                    insert.setString(17, cipher.ibanIndex(line.counterpartyIban()));
                    insert.setString(18, NativeValues.clip(line.bankReference(), 140));
                    insert.setBoolean(19, line.reversal());
                    insert.setString(20, stored.outcome());
                    insert.setInt(21, stored.confidence());
                    setUuid(insert, 22, stored.customerId());
                    setUuid(insert, 23, stored.paymentId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Opens the suspense items, with their candidates, in two JDBC batches. */
    static void suspend(Session session, String tenant, UUID importId, List<Suspense> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement item = connection.prepareStatement("insert into suspense_item (tenant_id, id, line_id,"
                    + " import_id, status, created_at) values (?, ?, ?, ?, 'OPEN', ?)");
                    PreparedStatement candidate = connection.prepareStatement("insert into suspense_candidate (tenant_id,"
                            + " suspense_id, rank_number, invoice_id, invoice_number, customer_id, confidence, reason)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                boolean candidates = false;
                for (Suspense suspense : items) {
                    UUID itemId = UUID.randomUUID();
                    item.setString(1, tenant);
                    item.setObject(2, itemId);
                    item.setObject(3, suspense.lineId());
                    item.setObject(4, importId);
                    item.setObject(5, now.atOffset(ZoneOffset.UTC));
                    item.addBatch();
                    for (int rank = 0; rank < suspense.candidates().size(); rank++) {
                        MatchCandidate found = suspense.candidates().get(rank);
                        candidate.setString(1, tenant);
                        candidate.setObject(2, itemId);
                        candidate.setInt(3, rank + 1);
                        setUuid(candidate, 4, found.invoiceId());
                        candidate.setString(5, NativeValues.clip(found.invoiceNumber(), 40));
                        setUuid(candidate, 6, found.customerId());
                        candidate.setInt(7, found.confidence());
                        candidate.setString(8, NativeValues.clip(found.reason(), 200));
                        candidate.addBatch();
                        candidates = true;
                    }
                }
                item.executeBatch();
                if (candidates) {
                    candidate.executeBatch();
                }
            }
        });
    }

    private static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    /** A line as stored, its payer opened with {@code cipher}, from a row with the {@link #COLUMNS}. */
    static Kept read(NativeRow row, TenantCipher cipher) {
        StatementLine line = new StatementLine(row.text("line_statement_id"), row.integer("line_sequence_number"),
                row.date("line_booking_date"), row.date("line_value_date"), row.money("line_currency", "line_amount"),
                Direction.CREDIT, row.text("line_end_to_end_id"), row.text("line_creditor_reference"),
                row.text("line_remittance_text"), cipher.open(row.text("line_counterparty_name")),
                cipher.open(row.text("line_counterparty_iban")),
                row.text("line_bank_reference"), row.flag("line_reversal"));
        return new Kept(row.uuid("line_id"), row.uuid("line_import_id"), row.text("line_key"), row.text("line_account"),
                line);
    }

    /** The columns {@link #read} takes of the line table aliased {@code l}, named apart from any other table's. */
    static final String COLUMNS = "l.id as line_id, l.import_id as line_import_id, l.line_key,"
            + " l.account as line_account, l.statement_id as line_statement_id,"
            + " l.sequence_number as line_sequence_number, l.booking_date as line_booking_date,"
            + " l.value_date as line_value_date, l.currency as line_currency, l.amount as line_amount,"
            + " l.end_to_end_id as line_end_to_end_id, l.creditor_reference as line_creditor_reference,"
            + " l.remittance_text as line_remittance_text, l.counterparty_name as line_counterparty_name,"
            + " l.counterparty_iban as line_counterparty_iban, l.bank_reference as line_bank_reference,"
            + " l.reversal as line_reversal";

    /**
     * The payment a line is: its key makes the payment's idempotency key, so that no line is ever booked twice,
     * by an import or by a clerk.
     */
    static PaymentRequest payment(String key, StatementLine line, UUID customerId, List<UUID> invoices, LocalDate today) {
        LocalDate valueDate = line.valueDate() != null ? line.valueDate()
                : line.bookingDate() != null ? line.bookingDate() : today;
        String payerReference = line.creditorReference() != null ? line.creditorReference()
                : line.remittanceText() != null ? line.remittanceText() : line.endToEndId();
        return new PaymentRequest("bank-line:" + key, customerId, METHOD, line.amount(), valueDate,
                NativeValues.clip(payerReference, MAX_PAYER_REFERENCE),
                invoices.stream().map(invoice -> new AllocationTarget(invoice, null, null)).toList());
    }
}
