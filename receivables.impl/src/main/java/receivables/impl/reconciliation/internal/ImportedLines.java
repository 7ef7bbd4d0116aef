package receivables.impl.reconciliation.internal;

import java.time.Instant;
import java.time.LocalDate;
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

    /** Stores a line, its payer sealed with {@code cipher} (the payer is personal data) and the payer's IBAN indexed. */
    static void insert(Session session, String tenant, TenantCipher cipher, UUID id, UUID importId, Read read,
            String outcome, int confidence, UUID customerId, UUID paymentId) {
        StatementLine line = read.line();
        session.createNativeMutationQuery("insert into bank_statement_line (tenant_id, id, line_key, import_id, account,"
                        + " statement_id, sequence_number, booking_date, value_date, currency, amount, end_to_end_id,"
                        + " creditor_reference, remittance_text, counterparty_name, counterparty_iban, counterparty_iban_index,"
                        + " bank_reference, reversal, outcome, confidence, customer_id, payment_id) values (:tenant, :id,"
                        + " :key, :import, :account, :statement, :sequence, :booked, :value, :currency, :amount, :endToEnd,"
                        + " :reference, :text, :name, :iban, :ibanIndex, :bankReference, :reversal, :outcome, :confidence,"
                        + " :customer, :payment)")
                .setParameter("tenant", tenant)
                .setParameter("id", id)
                .setParameter("key", read.key())
                .setParameter("import", importId)
                .setParameter("account", NativeValues.clip(read.account(), 70))
                .setParameter("statement", NativeValues.clip(line.statementId(), 140))
                .setParameter("sequence", line.sequence())
                .setParameter("booked", line.bookingDate(), LocalDate.class)
                .setParameter("value", line.valueDate(), LocalDate.class)
                .setParameter("currency", line.amount().currency())
                .setParameter("amount", line.amount().amount())
                .setParameter("endToEnd", NativeValues.clip(line.endToEndId(), 140))
                .setParameter("reference", NativeValues.clip(line.creditorReference(), 140))
                .setParameter("text", NativeValues.clip(line.remittanceText(), 2000))
                .setParameter("name", cipher.seal(NativeValues.clip(line.counterpartyName(), 140)), String.class)
                .setParameter("iban", cipher.seal(NativeValues.clip(line.counterpartyIban(), 70)), String.class)
                .setParameter("ibanIndex", cipher.ibanIndex(line.counterpartyIban()), String.class)
                .setParameter("bankReference", NativeValues.clip(line.bankReference(), 140))
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
                    .setParameter("number", NativeValues.clip(candidate.invoiceNumber(), 40))
                    .setParameter("customer", candidate.customerId(), UUID.class)
                    .setParameter("confidence", candidate.confidence())
                    .setParameter("reason", NativeValues.clip(candidate.reason(), 200))
                    .executeUpdate();
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
