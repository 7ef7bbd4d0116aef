package receivables.impl.reconciliation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.money.Money;
import receivables.api.payment.AllocationTarget;
import receivables.api.payment.PaymentRequest;
import receivables.api.statement.Direction;
import receivables.api.statement.MatchCandidate;
import receivables.api.statement.StatementLine;
import receivables.impl.persistence.internal.NativeValues;

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

    static void insert(Session session, String tenant, UUID id, UUID importId, Read read, String outcome, int confidence,
            UUID customerId, UUID paymentId) {
        StatementLine line = read.line();
        session.createNativeMutationQuery("insert into bank_statement_line (tenant_id, id, line_key, import_id, account,"
                        + " statement_id, sequence_number, booking_date, value_date, currency, amount, end_to_end_id,"
                        + " creditor_reference, remittance_text, counterparty_name, counterparty_iban, bank_reference,"
                        + " reversal, outcome, confidence, customer_id, payment_id) values (:tenant, :id, :key, :import,"
                        + " :account, :statement, :sequence, :booked, :value, :currency, :amount, :endToEnd, :reference,"
                        + " :text, :name, :iban, :bankReference, :reversal, :outcome, :confidence, :customer, :payment)")
                .setParameter("tenant", tenant)
                .setParameter("id", id)
                .setParameter("key", read.key())
                .setParameter("import", importId)
                .setParameter("account", cut(read.account(), 70))
                .setParameter("statement", cut(line.statementId(), 140))
                .setParameter("sequence", line.sequence())
                .setParameter("booked", line.bookingDate(), LocalDate.class)
                .setParameter("value", line.valueDate(), LocalDate.class)
                .setParameter("currency", line.amount().currency())
                .setParameter("amount", line.amount().amount())
                .setParameter("endToEnd", cut(line.endToEndId(), 140))
                .setParameter("reference", cut(line.creditorReference(), 140))
                .setParameter("text", cut(line.remittanceText(), 2000))
                .setParameter("name", cut(line.counterpartyName(), 140))
                .setParameter("iban", cut(line.counterpartyIban(), 70))
                .setParameter("bankReference", cut(line.bankReference(), 140))
                .setParameter("reversal", line.reversal())
                .setParameter("outcome", outcome)
                .setParameter("confidence", confidence)
                .setParameter("customer", customerId, UUID.class)
                .setParameter("payment", paymentId, UUID.class)
                .executeUpdate();
    }

    static void suspend(Session session, String tenant, UUID lineId, UUID importId, List<MatchCandidate> candidates,
            Instant now) {
        UUID itemId = UUID.randomUUID();
        session.createNativeMutationQuery("insert into suspense_item (tenant_id, id, line_id, import_id, status,"
                        + " created_at) values (:tenant, :id, :line, :import, 'OPEN', :now)")
                .setParameter("tenant", tenant)
                .setParameter("id", itemId)
                .setParameter("line", lineId)
                .setParameter("import", importId)
                .setParameter("now", now)
                .executeUpdate();
        for (int rank = 0; rank < candidates.size(); rank++) {
            MatchCandidate candidate = candidates.get(rank);
            session.createNativeMutationQuery("insert into suspense_candidate (tenant_id, suspense_id, rank_number,"
                            + " invoice_id, invoice_number, customer_id, confidence, reason) values (:tenant, :item,"
                            + " :rank, :invoice, :number, :customer, :confidence, :reason)")
                    .setParameter("tenant", tenant)
                    .setParameter("item", itemId)
                    .setParameter("rank", rank + 1)
                    .setParameter("invoice", candidate.invoiceId(), UUID.class)
                    .setParameter("number", cut(candidate.invoiceNumber(), 40))
                    .setParameter("customer", candidate.customerId(), UUID.class)
                    .setParameter("confidence", candidate.confidence())
                    .setParameter("reason", cut(candidate.reason(), 200))
                    .executeUpdate();
        }
    }

    /** A line as stored, to book it by hand. */
    static Kept read(Object[] row, int from) {
        String currency = (String) row[from + 8];
        StatementLine line = new StatementLine((String) row[from + 4], ((Number) row[from + 5]).intValue(),
                date(row[from + 6]), date(row[from + 7]), Money.of(NativeValues.decimal(row[from + 9]), currency), Direction.CREDIT, (String) row[from + 10],
                (String) row[from + 11], (String) row[from + 12], (String) row[from + 13], (String) row[from + 14],
                (String) row[from + 15], Boolean.TRUE.equals(row[from + 16]));
        return new Kept(NativeValues.uuid(row[from]),
                NativeValues.uuid(row[from + 1]), (String) row[from + 2],
                (String) row[from + 3], line);
    }

    /** The columns {@link #read} takes, in its order, of the line table aliased {@code l}. */
    static final String COLUMNS = "l.id, l.import_id, l.line_key, l.account, l.statement_id, l.sequence_number,"
            + " l.booking_date, l.value_date, l.currency, l.amount, l.end_to_end_id, l.creditor_reference,"
            + " l.remittance_text, l.counterparty_name, l.counterparty_iban, l.bank_reference, l.reversal";

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
                cut(payerReference, MAX_PAYER_REFERENCE),
                invoices.stream().map(invoice -> new AllocationTarget(invoice, null, null)).toList());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /**
     * {@code text} as a column of {@code length} characters keeps it: cut to that length, and every control
     * character (a NUL, which PostgreSQL refuses, or what a wrong code page made of a letter) replaced by U+FFFD,
     * so that what a bank file carries is never stored as control characters, whichever reader read it.
     */
    static String cut(String text, int length) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= length ? text : text.substring(0, length);
        return cut.chars().anyMatch(Character::isISOControl) ? cut.replaceAll("\\p{Cc}", "\uFFFD") : cut;
    }
}
