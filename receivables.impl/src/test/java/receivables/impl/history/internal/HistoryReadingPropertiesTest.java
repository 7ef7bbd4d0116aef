package receivables.impl.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.history.HistoryFormat;
import receivables.api.history.HistoryImports;

/**
 * Any bytes as a history file, in either format: the check ends with the file found valid or refused as an invalid
 * request naming lines and fields, never with any other exception; and chosen mistakes are named exactly.
 */
class HistoryReadingPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final String CSV_HEADER = "record,sourceId,name,currency,customer,number,amount,issueDate,dueDate,paidDate,"
            + "invoice,valueDate\n";

    /** A ledger that holds nothing yet and has a rate for every currency. */
    static final KnownHistory EMPTY = new KnownHistory() {
        @Override
        public Map<String, Stored> stored(HistoryRecord.Kind kind, Collection<String> sourceIds) {
            return Map.of();
        }

        @Override
        public Map<String, String> invoiceNumbers(Collection<String> numbers) {
            return Map.of();
        }

        @Override
        public boolean journallable(String currency) {
            return true;
        }
    };

    @Property(tries = 1500)
    void anyBytesAreReadOrRefusedWithLinesAndFields(@ForAll("files") byte[] file, @ForAll HistoryFormat format) {
        Throwable thrown = catchThrowable(() -> check(format, file));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidRequestException.class);
            assertThat(((InvalidRequestException) thrown).violations()).isNotEmpty()
                    .hasSizeLessThanOrEqualTo(HistoryImports.MAX_VIOLATIONS + 1)
                    .allSatisfy(violation -> assertThat(violation.field()).matches("line [0-9]+: .+|body"));
        }
    }

    @Example
    void aValidFileInEitherFormatHoldsItsRecords() {
        String csv = CSV_HEADER
                + "customer,C1,\"Acme, Ltd.\",EUR,,,,,,,,\n"
                + "invoice,I1,,EUR,C1,2025-001,1200.00,2025-01-10,2025-02-09,,,\n"
                + "payment,P1,,,,,500.00,,,,I1,2025-02-20\r\n";
        assertThat(check(HistoryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)).records()).isEqualTo(3);
        String json = """
                {"customers": [{"sourceId": "C1", "name": "Acme", "currency": "EUR"}],
                 "invoices": [{"sourceId": "I1", "customer": "C1", "number": "2025-001", "currency": "EUR",
                               "amount": 1200.00, "issueDate": "2025-01-10", "dueDate": "2025-02-09", "paidDate": null}],
                 "payments": [{"sourceId": "P1", "invoice": "I1", "amount": "500.00", "valueDate": "2025-02-20"}]}
                """;
        assertThat(check(HistoryFormat.JSON, json.getBytes(StandardCharsets.UTF_8)).records()).isEqualTo(3);
    }

    /** The README's examples, word for word. */
    @Example
    void theExamplesOfTheReadmeRead() {
        String csv = """
                record,sourceId,name,currency,country,segment,salesperson,customer,number,amount,issueDate,dueDate,paidDate,invoice,valueDate
                customer,C-1001,"Acme Trading, Ltd.",EUR,DE,retail,Jane,,,,,,,,
                invoice,INV-88,,EUR,,,,C-1001,2025-0088,1190.00,2025-11-03,2025-12-03,2026-01-10,,
                invoice,INV-97,,EUR,,,,C-1001,2025-0097,500.00,2025-12-15,2026-01-14,,,
                payment,PAY-5521,,,,,,,,400.00,,,,INV-88,2025-12-20
                payment,PAY-5622,,,,,,,,200.00,,,,INV-97,2026-01-20
                """;
        String json = """
                {"customers": [{"sourceId": "C-1001", "name": "Acme Trading, Ltd.", "currency": "EUR", "country": "DE",
                                "segment": "retail", "salesperson": "Jane"}],
                 "invoices": [{"sourceId": "INV-88", "customer": "C-1001", "number": "2025-0088", "currency": "EUR",
                               "amount": 1190.00, "issueDate": "2025-11-03", "dueDate": "2025-12-03", "paidDate": "2026-01-10"},
                              {"sourceId": "INV-97", "customer": "C-1001", "number": "2025-0097", "currency": "EUR",
                               "amount": 500.00, "issueDate": "2025-12-15", "dueDate": "2026-01-14"}],
                 "payments": [{"sourceId": "PAY-5521", "invoice": "INV-88", "amount": 400.00, "valueDate": "2025-12-20"},
                              {"sourceId": "PAY-5622", "invoice": "INV-97", "amount": 200.00, "valueDate": "2026-01-20"}]}
                """;
        assertThat(check(HistoryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)).records()).isEqualTo(5);
        assertThat(check(HistoryFormat.JSON, json.getBytes(StandardCharsets.UTF_8)).records()).isEqualTo(5);
    }

    @Example
    void eachMistakeIsNamedByItsLineAndField() {
        String csv = CSV_HEADER
                + "customer,C1,Acme,EUR,,,,,,,,\n"
                + "invoice,I1,,EUR,C2,2025-001,12.345,2025-01-10,2025-01-09,,,\n"
                + "invoice,I2,,EUR,C1,2025-002,100.00,2025-01-10,2025-02-09,2025-03-01,,\n"
                + "invoice,I3,,EUR,C1,2025-002,100.00,2025-01-10,2025-02-09,,,\n"
                + "payment,P1,,,,,60.00,,,,I2,2025-03-02\n"
                + "payment,P2,,,,,60.00,,,,I2,2025-02-01\n"
                + "payment,P3,,,,,1.00,,,,I9,2025-02-01\n";
        assertThatThrownBy(() -> check(HistoryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly(
                                "line 3: dueDate", "line 3: amount",
                                "line 5: number",
                                "line 6: valueDate",
                                "line 7: amount",
                                "line 8: invoice"));
        String json = "{\"customers\": [{\"sourceId\": \"C1\", \"name\": \"Acme\", \"currency\": \"EUR\"},\n"
                + "  {\"sourceId\": \"C2\", \"name\": \"Beta\", \"currency\": \"XYZ\", \"colour\": \"red\"}]}";
        assertThatThrownBy(() -> check(HistoryFormat.JSON, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("line 2: colour", "line 2: currency"));
    }

    @Example
    void aQuoteNeverClosedStopsTheReadingAtItsLine() {
        String csv = CSV_HEADER + "customer,C1,Acme,EUR,,,,,,,,\ncustomer,C2,\"Beta,EUR,,,,,,,,\n";
        assertThatThrownBy(() -> check(HistoryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("line 3: record"));
    }

    /** The line separator (U+2028) after jqwik's counterexample of 2026-12-01. */
    @Example
    void aHeaderColumnThatBreaksTheLineIsNamedByItsNumber() {
        String csv = "record,\"source\nId\",na\u2028me\ncustomer,C1,Acme\n";
        assertThatThrownBy(() -> check(HistoryFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("line 1: column 2", "line 1: column 3"));
    }

    @Example
    void aJsonFieldNameThatBreaksTheLineOrIsEmptyIsShownInOneLine() {
        String json = "{\"customers\": [{\"a\\nb\": {}, \"\u2029\": [], \"\": {}}]}";
        assertThatThrownBy(() -> check(HistoryFormat.JSON, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("line 1: a\uFFFDb", "line 1: \uFFFD",
                                "line 1: \"\""));
    }

    static HistoryCheck check(HistoryFormat format, byte[] file) {
        HistoryCheck check = new HistoryCheck(EMPTY, TODAY);
        HistoryReader.of(format).read(new ByteArrayInputStream(file), check);
        check.end();
        return check;
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("C1", "I1", "P1", "EUR", "JPY", "2025-01-10", "2025-02-30", "9999-12-31", "100.00",
                        "-1", "1e9", "0.00001", "\"", "\"\"", ",", "\n", "\r", "\uFEFF", "\u0000", "{", "[", "null",
                        "customer", "invoice", "payment", ""));
        Arbitrary<String> csv = value.list().ofMaxSize(40).map(values -> CSV_HEADER + String.join(",", values));
        Arbitrary<String> json = Combinators.combine(Arbitraries.of("customers", "invoices", "payments", "other"),
                Arbitraries.of("sourceId", "name", "currency", "customer", "number", "amount", "issueDate", "invoice",
                        "valueDate", "record").list().ofMaxSize(8), value.list().ofSize(8),
                Arbitraries.of("", "}", "]", "{", "\"", ",", "[[[[[[[[[[")).as((section, fields, values, tail) -> {
                    StringBuilder text = new StringBuilder("{\"" + section + "\": [{");
                    for (int i = 0; i < fields.size(); i++) {
                        text.append(i == 0 ? "" : ",").append('"').append(fields.get(i)).append("\": \"")
                                .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    }
                    return text.append("}]}").append(tail).toString();
                });
        return Arbitraries.oneOf(noise, csv.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                json.map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }
}
