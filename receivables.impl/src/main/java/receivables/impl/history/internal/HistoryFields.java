package receivables.impl.history.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import receivables.api.money.Money;
import receivables.impl.validation.internal.ValueRanges;

/**
 * The fields of the records of a history file, the same in every format, and how one record's text values become a
 * {@link HistoryRecord}: every wrong field is reported, and a record with any is not handed on.
 */
final class HistoryFields {

    static final String RECORD = "record";
    static final String SOURCE_ID = "sourceId";
    static final int MAX_SOURCE_ID = 50;

    /** The fields of each kind of record, the required ones first. */
    static final Map<HistoryRecord.Kind, List<String>> FIELDS = Map.of(
            HistoryRecord.Kind.CUSTOMER, List.of(SOURCE_ID, "name", "currency", "country", "segment", "salesperson"),
            HistoryRecord.Kind.INVOICE, List.of(SOURCE_ID, "customer", "number", "currency", "amount", "issueDate",
                    "dueDate", "paidDate"),
            HistoryRecord.Kind.PAYMENT, List.of(SOURCE_ID, "invoice", "amount", "valueDate"));
    static final Set<String> ALL = Set.of(RECORD, SOURCE_ID, "name", "currency", "country", "segment", "salesperson",
            "customer", "number", "amount", "issueDate", "dueDate", "paidDate", "invoice", "valueDate");
    /** The order in which a CSV header lists them in the README's example. */
    static final List<String> CSV_COLUMNS = List.of(RECORD, SOURCE_ID, "name", "currency", "country", "segment",
            "salesperson", "customer", "number", "amount", "issueDate", "dueDate", "paidDate", "invoice", "valueDate");

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,4})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private HistoryFields() {
    }

    /** The kind a {@code record} value names: customer, invoice or payment, in any case; else {@code null}. */
    static HistoryRecord.Kind kind(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "customer" -> HistoryRecord.Kind.CUSTOMER;
            case "invoice" -> HistoryRecord.Kind.INVOICE;
            case "payment" -> HistoryRecord.Kind.PAYMENT;
            default -> null;
        };
    }

    /**
     * Reads one record of {@code kind} from its non-blank {@code values} by field name and hands it to {@code sink},
     * or reports each wrong field there.
     */
    static void read(HistoryRecord.Kind kind, long line, Map<String, String> values, HistorySink sink) {
        Fields fields = new Fields(line, values, sink);
        List<String> allowed = FIELDS.get(kind);
        values.keySet().stream().filter(field -> !allowed.contains(field)).sorted().forEach(field -> fields.wrong(field,
                "is not a field of a " + kind.name().toLowerCase(Locale.ROOT) + " record; leave it empty"));
        String sourceId = fields.text(SOURCE_ID, MAX_SOURCE_ID, true);
        HistoryRecord record = switch (kind) {
            case CUSTOMER -> new HistoryRecord.Customer(line, sourceId, fields.text("name", 200, true),
                    fields.currency("currency"), fields.country("country"), fields.text("segment", 50, false),
                    fields.text("salesperson", 100, false));
            case INVOICE -> {
                String currency = fields.currency("currency");
                LocalDate issued = fields.date("issueDate", true);
                LocalDate due = fields.date("dueDate", true);
                LocalDate paid = fields.date("paidDate", false);
                if (issued != null && due != null && due.isBefore(issued)) {
                    fields.wrong("dueDate", "is before the issue date " + issued);
                }
                if (issued != null && paid != null && paid.isBefore(issued)) {
                    fields.wrong("paidDate", "is before the issue date " + issued);
                }
                yield new HistoryRecord.Invoice(line, sourceId, fields.text("customer", MAX_SOURCE_ID, true),
                        fields.text("number", 40, true), currency, fields.amount("amount", currency), issued, due, paid);
            }
            case PAYMENT -> new HistoryRecord.Payment(line, sourceId, fields.text("invoice", MAX_SOURCE_ID, true),
                    fields.amount("amount", null), fields.date("valueDate", true));
        };
        if (fields.allRight()) {
            sink.record(record);
        } else {
            sink.wrong(kind, sourceId);
        }
    }

    /** One record's values, read field by field; a wrong one is reported and read as {@code null}. */
    private static final class Fields {

        private final long line;
        private final Map<String, String> values;
        private final HistorySink sink;
        private final List<String> wrong = new ArrayList<>();

        Fields(long line, Map<String, String> values, HistorySink sink) {
            this.line = line;
            this.values = values;
            this.sink = sink;
        }

        void wrong(String field, String message) {
            wrong.add(field);
            sink.violation(line, field, message);
        }

        boolean allRight() {
            return wrong.isEmpty();
        }

        String text(String field, int maxLength, boolean required) {
            String value = values.get(field);
            if (value == null || value.isBlank()) {
                if (required) {
                    wrong(field, "is required");
                }
                return null;
            }
            String trimmed = value.trim();
            String problem = ValueRanges.textProblem(trimmed);
            if (problem != null) {
                wrong(field, problem);
                return null;
            }
            if (trimmed.length() > maxLength) {
                wrong(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return trimmed;
        }

        String currency(String field) {
            String value = text(field, 3, true);
            if (value != null && !Money.isActiveCurrency(value)) {
                wrong(field, "is not an active ISO 4217 currency code");
                return null;
            }
            return value;
        }

        String country(String field) {
            String value = text(field, 2, false);
            if (value != null && !COUNTRY.matcher(value).matches()) {
                wrong(field, "must be an ISO 3166-1 alpha-2 code such as DE");
                return null;
            }
            return value;
        }

        /** A positive amount with at most 4 decimals, and no more than {@code currency} has when it is known. */
        BigDecimal amount(String field, String currency) {
            String value = text(field, 20, true);
            if (value == null) {
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                wrong(field, "must be a positive amount such as 1234.50: digits, a point, at most 4 decimals");
                return null;
            }
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0) {
                wrong(field, "must be positive");
                return null;
            }
            if (currency != null && amount.stripTrailingZeros().scale() > Money.scaleOf(currency)) {
                wrong(field, "has more decimals than " + currency + " allows (" + Money.scaleOf(currency) + ")");
                return null;
            }
            return amount;
        }

        LocalDate date(String field, boolean required) {
            String value = text(field, 10, required);
            if (value == null) {
                return null;
            }
            try {
                if (DATE.matcher(value).matches()) {
                    LocalDate date = LocalDate.parse(value);
                    if (ValueRanges.dateProblem(date) == null) {
                        return date;
                    }
                }
            } catch (DateTimeParseException notADay) {
                // reported below, as any other text that is no day
            }
            wrong(field, "must be a day written as 2026-03-31");
            return null;
        }
    }

    /**
     * A name from the file as one line of a problem: what would break the line or not show (control characters, line
     * and paragraph separators) as U+FFFD, an empty name as {@code ""}.
     */
    static String oneLine(String name) {
        return name.isEmpty() ? "\"\"" : LINE_BREAKING.matcher(name).replaceAll("\uFFFD");
    }
}
