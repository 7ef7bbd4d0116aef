package receivables.impl.reconciliation.internal;

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
import receivables.impl.persistence.internal.BulkInsert;
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

    private static final List<String> LINE_COLUMNS = List.of("tenant_id", "id", "line_key", "import_id", "account",
            "statement_id", "sequence_number", "booking_date", "value_date", "currency", "amount", "end_to_end_id",
            "creditor_reference", "remittance_text", "counterparty_name", "counterparty_iban", "counterparty_iban_index",
            "bank_reference", "reversal", "outcome", "confidence", "customer_id", "payment_id");
    private static final List<String> ITEM_COLUMNS = List.of("tenant_id", "id", "line_id", "import_id", "status",
            "created_at");
    private static final List<String> CANDIDATE_COLUMNS = List.of("tenant_id", "suspense_id", "rank_number",
            "invoice_id", "invoice_number", "customer_id", "confidence", "reason");

    /**
     * Stores lines at once (see {@link BulkInsert}), their payers sealed with {@code cipher} (the payer is personal
     * data) and the payers' IBANs indexed.
     */
    static void insert(Session session, String tenant, TenantCipher cipher, UUID importId, List<Stored> lines) {
        BulkInsert rows = new BulkInsert("bank_statement_line", LINE_COLUMNS);
        for (Stored stored : lines) {
            Read read = stored.read();
            StatementLine line = read.line();
            rows.row(tenant, stored.id(), read.key(), importId, NativeValues.clip(read.account(), 70),
                    NativeValues.clip(line.statementId(), 140), line.sequence(), line.bookingDate(), line.valueDate(),
                    line.amount().currency(), line.amount().amount(), NativeValues.clip(line.endToEndId(), 140),
                    NativeValues.clip(line.creditorReference(), 140), NativeValues.clip(line.remittanceText(), 2000),
                    cipher.seal(NativeValues.clip(line.counterpartyName(), 140)),
                    cipher.seal(NativeValues.clip(line.counterpartyIban(), 70)), cipher.ibanIndex(line.counterpartyIban()),
                    NativeValues.clip(line.bankReference(), 140), line.reversal(), stored.outcome(), stored.confidence(),
                    stored.customerId(), stored.paymentId());
        }
        session.doWork(rows::into);
    }

    /** Opens the suspense items, with their candidates, at once (see {@link BulkInsert}). */
    static void suspend(Session session, String tenant, UUID importId, List<Suspense> items, Instant now) {
        BulkInsert opened = new BulkInsert("suspense_item", ITEM_COLUMNS);
        BulkInsert candidates = new BulkInsert("suspense_candidate", CANDIDATE_COLUMNS);
        for (Suspense suspense : items) {
            UUID itemId = UUID.randomUUID();
            opened.row(tenant, itemId, suspense.lineId(), importId, "OPEN", now.atOffset(ZoneOffset.UTC));
            for (int rank = 0; rank < suspense.candidates().size(); rank++) {
                MatchCandidate found = suspense.candidates().get(rank);
                candidates.row(tenant, itemId, rank + 1, found.invoiceId(), NativeValues.clip(found.invoiceNumber(), 40),
                        found.customerId(), found.confidence(), NativeValues.clip(found.reason(), 200));
            }
        }
        session.doWork(connection -> {
            opened.into(connection);
            candidates.into(connection);
        });
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
