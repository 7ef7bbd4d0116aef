package receivables.impl.history.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.history.HistoryImports;
import receivables.api.money.Money;
import receivables.impl.ledger.internal.LedgerHistory;

/**
 * The whole check of a history file, as its records arrive: each record's fields (done by the reader), the
 * references between records (a record names only records earlier in the file), and the records an earlier import
 * stored (the same record again is fine, a changed one is refused). It holds what it needs of each customer and
 * invoice of the file, never the file, and looks the ledger up a batch of records at a time.
 */
final class HistoryCheck implements HistorySink {

    static final int BATCH_SIZE = 500;

    private final KnownHistory known;
    private final LocalDate today;
    private final List<FieldViolation> violations = new ArrayList<>();
    private long violationCount;
    private final List<HistoryRecord> batch = new ArrayList<>(BATCH_SIZE);
    private final Map<String, Boolean> customers = new HashMap<>();
    private final Map<String, InvoiceSeen> invoices = new HashMap<>();
    private final Map<String, Long> invoiceNumbers = new HashMap<>();
    private final Set<String> payments = new HashSet<>();
    private final Map<String, Long> newCurrencies = new LinkedHashMap<>();
    private final Map<HistoryRecord.Kind, Set<String>> wrong = new HashMap<>();
    private long records;

    /** What the check keeps of an invoice of the file, to check the payments that name it. */
    private static final class InvoiceSeen {
        final long line;
        final HistoryRecord.Invoice invoice;
        final boolean storedBefore;
        BigDecimal paid = BigDecimal.ZERO;

        InvoiceSeen(HistoryRecord.Invoice invoice, boolean storedBefore) {
            this.line = invoice.line();
            this.invoice = invoice;
            this.storedBefore = storedBefore;
        }
    }

    /** @param today the day the file is received: nothing in it happened later, and its opening balances are dated then */
    HistoryCheck(KnownHistory known, LocalDate today) {
        this.known = known;
        this.today = today;
    }

    @Override
    public void record(HistoryRecord record) {
        records++;
        batch.add(record);
        if (batch.size() >= BATCH_SIZE) {
            checkBatch();
        }
    }

    @Override
    public void violation(long line, String field, String message) {
        violationCount++;
        if (violations.size() < HistoryImports.MAX_VIOLATIONS) {
            violations.add(FieldViolation.of("line " + line + ": " + HistoryFields.oneLine(field), message));
        }
    }

    @Override
    public void wrong(HistoryRecord.Kind kind, String sourceId) {
        if (sourceId != null) {
            wrong.computeIfAbsent(kind, any -> new HashSet<>()).add(sourceId);
        }
    }

    /** Whether a record of {@code kind} was reported wrong under {@code sourceId}: naming it is no fault of its own. */
    private boolean reportedWrong(HistoryRecord.Kind kind, String sourceId) {
        return wrong.getOrDefault(kind, Set.of()).contains(sourceId);
    }

    /** The records of the file, all of them checked. */
    long records() {
        return records;
    }

    /**
     * Ends the check once the file is read.
     *
     * @throws InvalidRequestException naming every wrong field found (at most {@link HistoryImports#MAX_VIOLATIONS})
     */
    void end() {
        checkBatch();
        newCurrencies.forEach((currency, line) -> {
            if (!known.journallable(currency)) {
                violation(line, "currency", "has no exchange rate into the functional currency on or before " + today
                        + ", at which what is open enters the journal; enter one under /exchange-rates");
            }
        });
        if (records == 0 && violationCount == 0) {
            violation(1, "body", "holds no customer, invoice or payment");
        }
        if (violationCount > violations.size()) {
            violations.add(FieldViolation.of("body", (violationCount - violations.size())
                    + " more wrong fields are not listed"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private void checkBatch() {
        if (batch.isEmpty()) {
            return;
        }
        Map<HistoryRecord.Kind, Map<String, KnownHistory.Stored>> stored = new HashMap<>();
        for (HistoryRecord.Kind kind : HistoryRecord.Kind.values()) {
            List<String> ids = batch.stream().filter(record -> record.kind() == kind).map(HistoryRecord::sourceId).toList();
            stored.put(kind, ids.isEmpty() ? Map.of() : known.stored(kind, ids));
        }
        List<String> numbers = batch.stream().filter(HistoryRecord.Invoice.class::isInstance)
                .map(record -> ((HistoryRecord.Invoice) record).number()).distinct().toList();
        Map<String, String> numbered = numbers.isEmpty() ? Map.of() : known.invoiceNumbers(numbers);
        for (HistoryRecord record : batch) {
            KnownHistory.Stored before = stored.get(record.kind()).get(record.sourceId());
            if (before != null && !before.fingerprint().equals(record.fingerprint())) {
                violation(record.line(), HistoryFields.SOURCE_ID, record.sourceId() + " was imported before with other"
                        + " values; a history import never changes what it stored: correct it in the ledger (credit"
                        + " note, payment, write-off) or leave the record as it was");
            }
            if (record instanceof HistoryRecord.Customer customer) {
                checkCustomer(customer, before != null);
            } else if (record instanceof HistoryRecord.Invoice invoice) {
                checkInvoice(invoice, before != null, numbered);
            } else if (record instanceof HistoryRecord.Payment payment) {
                checkPayment(payment, before != null);
            }
        }
        batch.clear();
    }

    private void checkCustomer(HistoryRecord.Customer customer, boolean storedBefore) {
        if (customers.putIfAbsent(customer.sourceId(), storedBefore) != null) {
            violation(customer.line(), HistoryFields.SOURCE_ID, "names a customer that comes earlier in the file too");
        }
    }

    private void checkInvoice(HistoryRecord.Invoice invoice, boolean storedBefore, Map<String, String> numbered) {
        if (invoices.containsKey(invoice.sourceId())) {
            violation(invoice.line(), HistoryFields.SOURCE_ID, "names an invoice that comes earlier in the file too (line "
                    + invoices.get(invoice.sourceId()).line + ")");
            return;
        }
        invoices.put(invoice.sourceId(), new InvoiceSeen(invoice, storedBefore));
        if (!customers.containsKey(invoice.customer())
                && !reportedWrong(HistoryRecord.Kind.CUSTOMER, invoice.customer())) {
            violation(invoice.line(), "customer", "names no customer record earlier in the file");
        }
        Long sameNumber = invoiceNumbers.putIfAbsent(invoice.number(), invoice.line());
        if (sameNumber != null) {
            violation(invoice.line(), "number", "is the number of the invoice on line " + sameNumber + " too");
        } else if (numbered.containsKey(invoice.number())
                && !numbered.get(invoice.number()).equals(LedgerHistory.orderId(invoice.sourceId()))) {
            violation(invoice.line(), "number", "is the number of an invoice of this ledger already");
        }
        if (invoice.issueDate().isAfter(today)) {
            violation(invoice.line(), "issueDate", "is after today: history is what happened");
        }
        if (invoice.paidDate() != null && invoice.paidDate().isAfter(today)) {
            violation(invoice.line(), "paidDate", "is after today: history is what happened");
        }
        if (!storedBefore) {
            newCurrencies.putIfAbsent(invoice.currency(), invoice.line());
        }
    }

    private void checkPayment(HistoryRecord.Payment payment, boolean storedBefore) {
        if (!payments.add(payment.sourceId())) {
            violation(payment.line(), HistoryFields.SOURCE_ID, "names a payment that comes earlier in the file too");
            return;
        }
        InvoiceSeen seen = invoices.get(payment.invoice());
        if (seen == null) {
            if (!reportedWrong(HistoryRecord.Kind.INVOICE, payment.invoice())) {
                violation(payment.line(), "invoice", "names no invoice record earlier in the file");
            }
            return;
        }
        HistoryRecord.Invoice invoice = seen.invoice;
        if (!storedBefore && seen.storedBefore) {
            violation(payment.line(), "invoice", "was stored by an earlier import, which journalled what was open on it:"
                    + " record a later payment through POST /payments");
        }
        int scale = Money.scaleOf(invoice.currency());
        if (payment.amount().stripTrailingZeros().scale() > scale) {
            violation(payment.line(), "amount", "has more decimals than " + invoice.currency() + ", the invoice's"
                    + " currency, allows (" + scale + ")");
        }
        if (payment.valueDate().isBefore(invoice.issueDate())) {
            violation(payment.line(), "valueDate", "is before the invoice's issue date " + invoice.issueDate());
        } else if (payment.valueDate().isAfter(today)) {
            violation(payment.line(), "valueDate", "is after today: history is what happened");
        } else if (invoice.paidDate() != null && payment.valueDate().isAfter(invoice.paidDate())) {
            violation(payment.line(), "valueDate", "is after the day the invoice was paid in full, "
                    + invoice.paidDate());
        }
        seen.paid = seen.paid.add(payment.amount());
        if (seen.paid.compareTo(invoice.amount()) > 0) {
            violation(payment.line(), "amount", "brings what invoice " + invoice.sourceId() + " received to "
                    + seen.paid.toPlainString() + ", more than its amount " + invoice.amount().toPlainString());
        }
    }
}
