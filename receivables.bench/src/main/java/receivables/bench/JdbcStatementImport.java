package receivables.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.UUID;

import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;

/**
 * The statement import's baseline: the raw cost of reading the file and storing its lines. It streams the file
 * through the same reader and writes every credit line into {@code bank_statement_line} (as SUSPENDED, with a
 * SHA-256 key of account, bank reference, amount and place) in PreparedStatement batches, committing every 500
 * lines. It does not match lines to invoices, book payments, allocate, post journal entries, open suspense items,
 * look for lines imported before, check the file first nor record progress; our import does all of these, and
 * that difference is part of what the ratio measures.
 */
final class JdbcStatementImport {

    static final int LINES_PER_COMMIT = 500;

    private JdbcStatementImport() {
    }

    /** Returns the number of lines stored. */
    static long importFile(Connection connection, String tenant, StatementFile file, StatementFormat format)
            throws SQLException, IOException, MalformedStatementException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        UUID importId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("insert into bank_statement_line (tenant_id, id,"
                + " line_key, import_id, account, statement_id, sequence_number, booking_date, value_date, currency,"
                + " amount, end_to_end_id, creditor_reference, remittance_text, counterparty_name, counterparty_iban,"
                + " bank_reference, reversal, outcome, confidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, 'SUSPENDED', 0)");
                InputStream in = new BufferedInputStream(Files.newInputStream(file.path()))) {
            Lines lines = new Lines(connection, insert, tenant, importId);
            format.read(in, lines);
            lines.commit();
            return lines.stored;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Adds each credit line to the batch and sends and commits it every {@link #LINES_PER_COMMIT} lines. */
    private static final class Lines implements StatementSink {

        private final Connection connection;
        private final PreparedStatement insert;
        private final String tenant;
        private final UUID importId;
        private final MessageDigest sha256;
        private StatementHeader statement;
        private int pending;
        long stored;

        Lines(Connection connection, PreparedStatement insert, String tenant, UUID importId) {
            this.connection = connection;
            this.insert = insert;
            this.tenant = tenant;
            this.importId = importId;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public void statement(StatementHeader header) {
            statement = header;
        }

        @Override
        public void line(StatementLine line) {
            if (line.direction() == Direction.DEBIT) {
                return;
            }
            try {
                insert.setString(1, tenant);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, HexFormat.of().formatHex(sha256.digest(String.join("|", statement.accountIban(),
                        line.bankReference(), line.amount().toString(), String.valueOf(line.sequence()))
                        .getBytes(StandardCharsets.UTF_8))));
                insert.setObject(4, importId);
                insert.setString(5, statement.accountIban());
                insert.setString(6, line.statementId());
                insert.setInt(7, line.sequence());
                insert.setObject(8, line.bookingDate(), Types.DATE);
                insert.setObject(9, line.valueDate(), Types.DATE);
                insert.setString(10, line.amount().currency());
                insert.setBigDecimal(11, line.amount().amount());
                insert.setString(12, line.endToEndId());
                insert.setString(13, line.creditorReference());
                insert.setString(14, line.remittanceText());
                insert.setString(15, line.counterpartyName());
                insert.setString(16, line.counterpartyIban());
                insert.setString(17, line.bankReference());
                insert.setBoolean(18, line.reversal());
                insert.addBatch();
                if (++pending == LINES_PER_COMMIT) {
                    commit();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing line " + line.sequence() + ": " + e.getMessage(), e);
            }
        }

        void commit() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
                stored += pending;
                pending = 0;
            }
        }
    }
}
