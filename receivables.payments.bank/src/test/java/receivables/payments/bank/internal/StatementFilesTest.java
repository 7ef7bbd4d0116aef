package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;

/**
 * Every file of the shared bank-statement corpus, read by our readers and compared with what the
 * parsers the corpus comes from read in it (JSON dumps of genkgo/camt beside camt files, YAML dumps of
 * the Python mt940 parser beside MT940 files). A file without expected values must be refused.
 */
class StatementFilesTest {

    /** The corpus; Surefire runs in the module directory, and shared/ lies beside the repository. */
    static final Path FOLDER = Path.of(System.getProperty("receivables.bank-statements.dir", "../../shared/data/bank-statements"));

    private static final List<StatementFormat> FORMATS = List.of(new CamtStatementReader.Camt053(),
            new CamtStatementReader.Camt054(), new CamtStatementReader.Camt052(), new Mt940StatementReader(),
            new Mt940StatementReader.Mt942());
    private static final int HEAD_BYTES = 4096;
    private static final String RECURSION = "__RECURSIVITY__";
    private static final Pattern SUBFIELDS = Pattern.compile("\\d{3}[^\\p{Alnum}\\s]\\d{2}.*", Pattern.DOTALL);
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");

    /**
     * Where an expected value is wrong against the standard: the value the standard gives instead, and why.
     * Keyed by file, the transaction's position in the expected file, and the field.
     */
    private static final List<Correction> CORRECTIONS = List.of(
            new Correction("mt940/cmxl/mt940.sta", 13, "counterpartyIban", "PL08106000760000777777777777",
                    "this Polish layout gives the account number in ?31 and the counterparty's IBAN in ?38; "
                            + "the Python parser takes ?31 for the IBAN"),
            new Correction("mt940/cmxl/mt940.sta", 14, "counterpartyIban", "PL08106000760000777777777777",
                    "?38 holds the IBAN, ?31 the account number"),
            new Correction("mt940/jejik/ing.sta", 6, "details",
                    "0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010",
                    "the Python parser appends the :86: that follows :62F: (totals about the statement) and the "
                            + "trailer line -XXX to the last transaction; in MT940 an :86: after the closing "
                            + "balance belongs to the statement, and a line starting with '-' ends the message"));

    private record Correction(String file, int transaction, String field, String value, String why) {
    }

    static Stream<Named<Path>> statementFiles() throws IOException {
        assertThat(FOLDER).as("the shared bank statements (set -Dreceivables.bank-statements.dir to move them)").isDirectory();
        List<Path> all;
        try (Stream<Path> files = Files.walk(FOLDER)) {
            all = files.filter(Files::isRegularFile).sorted().toList();
        }
        // A file of a kind this test does not know would otherwise be skipped in silence.
        assertThat(all).allSatisfy(file -> assertThat(isStatement(file) || isExpectation(file)
                || Set.of("README.md", "LICENSE").contains(name(file))).as(file.toString()).isTrue());
        assertThat(all.stream().filter(StatementFilesTest::isExpectation))
                .allSatisfy(expectation -> assertThat(all).contains(statementOf(expectation)));
        List<Path> statements = all.stream().filter(StatementFilesTest::isStatement).toList();
        assertThat(statements).hasSizeGreaterThan(20);
        return statements.stream().map(file -> Named.of(FOLDER.relativize(file).toString(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementFiles")
    void isRecognisedByItsOwnFormatOnly(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        assertThat(FORMATS.stream().filter(format -> format.recognises(head)).map(StatementFormat::id))
                .containsExactly(formatOf(file).id());
    }

    /** The format a file is in, as its name says. */
    private static StatementFormat formatOf(Path file) {
        String id = name(file).endsWith(".sta") ? "mt940" : name(file).startsWith("camt054") ? "camt.054" : "camt.053";
        return FORMATS.stream().filter(format -> format.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementFiles")
    void readsWhatItsExpectedValuesSay(Path file) throws Exception {
        StatementFormat format = formatOf(file);
        Path json = sibling(file, ".json");
        Path yaml = sibling(file, ".yml");
        if (Files.exists(json)) {
            compareCamt(RecordingSink.read(format, file), new ObjectMapper().readTree(json.toFile()));
        } else if (Files.exists(yaml)) {
            compareMt940(file, format, PythonTaggedYaml.load(yaml));
        } else {
            // No parser read anything in it: it is broken on purpose, and must be refused with a place.
            MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                    () -> RecordingSink.read(format, file));
            assertThat(refused).as("a file without expected values is refused").isNotNull();
            assertThat(refused.location()).isNotBlank();
        }
    }

    // ---- camt: genkgo/camt's DTO dump ----

    private static void compareCamt(RecordingSink got, JsonNode message) {
        assertThat(got.statements()).hasSize(message.get("getRecords").size());
        // The dump lists entries with their statement; a statement repeated is only a recursion marker.
        Map<String, List<JsonNode>> entriesByStatement = new LinkedHashMap<>();
        Map<String, JsonNode> statementsById = new LinkedHashMap<>();
        JsonNode record = null;
        for (JsonNode entry : message.get("getEntries")) {
            if (entry.get("getRecord").isObject()) {
                record = entry.get("getRecord");
            }
            assertThat(record).as("the dump names the entry's statement").isNotNull();
            String id = record.get("getId").asText();
            statementsById.put(id, record);
            entriesByStatement.computeIfAbsent(id, key -> new ArrayList<>()).add(entry);
        }
        assertThat(entriesByStatement).isNotEmpty();
        statementsById.forEach((id, statement) -> {
            List<RecordingSink.Recorded> matching = got.statements().stream()
                    .filter(recorded -> id.equals(recorded.begin().statementId())).toList();
            assertThat(matching).as("statement " + id).hasSize(1);
            RecordingSink.Recorded recorded = matching.get(0);
            compareCamtHeader(statement, recorded.begin());
            // In camt the balances come before the entries: the header is complete from the start.
            assertThat(recorded.end()).isEqualTo(recorded.begin());
            List<JsonNode> entries = entriesByStatement.get(id);
            assertThat(recorded.lines()).as("lines of " + id).hasSize(entries.size());
            for (JsonNode entry : entries) {
                compareCamtLine(entry, recorded.lines().get(entry.get("getIndex").asInt()));
            }
        });
    }

    private static void compareCamtHeader(JsonNode statement, StatementHeader header) {
        assertThat(header.accountIban()).isEqualTo(statement.get("getAccount").get("getIdentification").asText());
        JsonNode opening = firstBalance(statement, "opening");
        JsonNode closing = firstBalance(statement, "closing");
        assertThat(header.openingBalance()).isEqualTo(opening == null ? null : money(opening.get("getAmount")));
        assertThat(header.closingBalance()).isEqualTo(closing == null ? null : money(closing.get("getAmount")));
        // genkgo gives FrDtTm in UTC; our date is the day as written, the same in every file here.
        LocalDate from = date(statement.get("getFromDate"));
        LocalDate to = date(statement.get("getToDate"));
        assertThat(header.from()).isEqualTo(from != null ? from : opening == null ? null : date(opening.get("getDate")));
        assertThat(header.to()).isEqualTo(to != null ? to : closing == null ? null : date(closing.get("getDate")));
    }

    private static JsonNode firstBalance(JsonNode statement, String type) {
        for (JsonNode balance : statement.get("getBalances")) {
            if (type.equals(balance.get("getType").asText())) {
                return balance;
            }
        }
        return null;
    }

    private static void compareCamtLine(JsonNode entry, StatementLine line) {
        Money signed = money(entry.get("getAmount"));
        Direction direction = switch (entry.get("getCreditDebitIndicator").asText()) {
            case "CRDT" -> Direction.CREDIT;
            case "DBIT" -> Direction.DEBIT;
            default -> throw new AssertionError(entry.get("getCreditDebitIndicator"));
        };
        assertThat(line.direction()).isEqualTo(direction);
        assertThat(line.amount()).isEqualTo(direction == Direction.DEBIT ? signed.negate() : signed);
        assertThat(line.bookingDate()).isEqualTo(date(entry.get("getBookingDate")));
        assertThat(line.valueDate()).isEqualTo(date(entry.get("getValueDate")));
        assertThat(line.reversal()).isEqualTo(entry.get("getReversalIndicator").asBoolean());
        assertThat(line.bankReference()).isEqualTo(text(entry.get("getAccountServicerReference")));

        JsonNode detail = object(entry, "getTransactionDetail");
        JsonNode reference = object(detail, "getReference");
        assertThat(line.endToEndId()).isEqualTo(reference == null ? null : text(reference.get("getEndToEndId")));
        JsonNode remittance = object(detail, "getRemittanceInformation");
        JsonNode creditorReference = object(remittance, "getCreditorReferenceInformation");
        assertThat(line.creditorReference()).isEqualTo(creditorReference == null ? null : text(creditorReference.get("getRef")));
        JsonNode unstructured = object(remittance, "getUnstructuredBlock");
        assertThat(line.remittanceText()).isEqualTo(unstructured == null ? null : text(unstructured.get("getMessage")));

        // A credit's counterparty is its debtor, a debit's its creditor; the ultimate one stands in.
        JsonNode party = direction == Direction.CREDIT ? relatedParty(detail, "Debtor", "UltimateDebtor")
                : relatedParty(detail, "Creditor", "UltimateCreditor");
        JsonNode account = party == null ? null : object(party, "getAccount");
        assertThat(line.counterpartyName()).isEqualTo(party == null ? null : text(party.get("getRelatedPartyType").get("getName")));
        assertThat(line.counterpartyIban()).isEqualTo(account == null ? null : text(account.get("getIdentification")));
    }

    private static JsonNode relatedParty(JsonNode detail, String... kinds) {
        if (detail == null) {
            return null;
        }
        for (String kind : kinds) {
            for (JsonNode party : detail.get("getRelatedParties")) {
                if (party.get("getRelatedPartyType").get("__CLASS__").asText().endsWith("\\" + kind)) {
                    return party;
                }
            }
        }
        return null;
    }

    /** A Money from the dump's minor units ("885" EUR is 8.85). */
    private static Money money(JsonNode amount) {
        String currency = amount.get("getCurrency").get("getCode").asText();
        return Money.of(new BigDecimal(new BigInteger(amount.get("getAmount").asText()), Money.scaleOf(currency)), currency);
    }

    private static LocalDate date(JsonNode dateTime) {
        return dateTime == null || dateTime.isNull() ? null : LocalDate.parse(dateTime.get("0").asText().substring(0, 10));
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode child = parent == null ? null : parent.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        assertThat(child.asText()).as(field + " is in the dump, not only a recursion marker").isNotEqualTo(RECURSION);
        return child;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    // ---- MT940: the Python mt940 parser's YAML dump ----

    private static void compareMt940(Path file, StatementFormat format, Map<String, Object> dump) throws Exception {
        Map<String, Object> header = map(dump.get("data"));
        List<Map<String, Object>> transactions = new ArrayList<>();
        for (Object transaction : (List<?>) dump.get("transactions")) {
            transactions.add(map(map(transaction).get("data")));
        }
        RecordingSink got;
        if (transactions.stream().anyMatch(transaction -> transaction.get("currency") == null)) {
            // A field-level case holding :61: without the opening balance that gives its currency (the Python
            // parser found none either): the file alone is refused at that :61:, and its lines are checked
            // inside a statement that supplies the currency.
            MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                    () -> RecordingSink.read(format, file));
            assertThat(refused).isNotNull();
            assertThat(refused.location()).isEqualTo("line " + firstLineStartingWith(file, ":61:"));
            String envelope = ":20:ENVELOPE\n:25:ENVELOPE\n:60F:C140901EUR0,\n";
            got = RecordingSink.read(format, envelope + Files.readString(file, StandardCharsets.UTF_8));
        } else {
            got = RecordingSink.read(format, file);
            compareMt940Headers(header, got);
        }
        List<StatementLine> lines = got.lines();
        assertThat(lines).hasSize(transactions.size());
        String relative = FOLDER.relativize(file).toString().replace('\\', '/');
        for (int i = 0; i < transactions.size(); i++) {
            compareMt940Line(relative, i, transactions.get(i), lines.get(i));
        }
    }

    /**
     * The Python parser keeps one set of header values for the whole file, each statement overwriting what
     * it states: {@code final_*} are the last :60F:/:62F:, {@code intermediate_*} the last :60M:/:62M:.
     */
    private static void compareMt940Headers(Map<String, Object> data, RecordingSink got) {
        if (data.isEmpty()) {
            return;
        }
        assertThat(got.statements()).isNotEmpty();
        List<StatementHeader> headers = got.statements().stream().map(RecordingSink.Recorded::end).toList();
        StatementHeader last = headers.get(headers.size() - 1);
        if (data.containsKey("transaction_reference")) {
            assertThat(last.statementId()).isEqualTo(data.get("transaction_reference"));
        }
        if (data.containsKey("account_identification")) {
            assertThat(last.accountIban()).isEqualTo(data.get("account_identification"));
        }
        compareBalances(data, "opening", headers, StatementHeader::openingBalance, StatementHeader::from);
        compareBalances(data, "closing", headers, StatementHeader::closingBalance, StatementHeader::to);
    }

    private static void compareBalances(Map<String, Object> data, String which, List<StatementHeader> headers,
            Function<StatementHeader, Money> balance, Function<StatementHeader, LocalDate> date) {
        Object finalBalance = data.get("final_" + which + "_balance");
        Object intermediate = data.get("intermediate_" + which + "_balance");
        List<Object> expected = Stream.of(finalBalance, intermediate).filter(Objects::nonNull).toList();
        for (Object each : expected) {
            Money money = balanceMoney(map(each));
            LocalDate day = (LocalDate) map(each).get("date");
            assertThat(headers).as(which + " balance " + money + " of " + day)
                    .anySatisfy(h -> {
                        assertThat(balance.apply(h)).isEqualTo(money);
                        assertThat(date.apply(h)).isEqualTo(day);
                    });
        }
        if (intermediate == null && finalBalance != null) {
            // only :60F:/:62F: in the file: the last statement's balance is the one kept
            StatementHeader last = headers.get(headers.size() - 1);
            assertThat(balance.apply(last)).isEqualTo(balanceMoney(map(finalBalance)));
        }
    }

    private static Money balanceMoney(Map<String, Object> balance) {
        Map<String, Object> amount = map(balance.get("amount"));
        return Money.of((BigDecimal) amount.get("amount"), (String) amount.get("currency"));
    }

    private static void compareMt940Line(String file, int index, Map<String, Object> t, StatementLine line) {
        String as = file + " transaction " + index;
        Map<String, Object> amount = map(t.get("amount"));
        String status = (String) t.get("status");
        Direction direction = status.equals("C") || status.equals("RD") ? Direction.CREDIT : Direction.DEBIT;
        assertThat(line.direction()).as(as).isEqualTo(direction);
        assertThat(line.reversal()).as(as).isEqualTo(status.startsWith("R"));
        assertThat(line.amount().amount()).as(as).isEqualByComparingTo(((BigDecimal) amount.get("amount")).abs());
        if (t.get("currency") != null) {
            assertThat(line.amount().currency()).as(as).isEqualTo(t.get("currency"));
        }
        assertThat(line.valueDate()).as(as).isEqualTo(t.get("date"));
        assertThat(line.bookingDate()).as(as).isEqualTo(t.get("entry_date"));
        if (t.containsKey("transaction_reference")) {
            assertThat(line.statementId()).as(as).isEqualTo(t.get("transaction_reference"));
        }
        // NONREF is SWIFT's placeholder for "no reference".
        assertThat(line.bankReference()).as(as).isEqualTo(reference((String) t.get("bank_reference")));
        assertThat(line.creditorReference()).as(as + ": no file here has a structured creditor reference").isNull();

        String details = (String) corrected(file, index, "details", t.get("transaction_details"));
        boolean subfields = details != null && SUBFIELDS.matcher(details.strip()).matches();
        boolean dutchTags = details != null && details.startsWith("/");

        if (t.get("end_to_end_reference") != null) {
            assertThat(line.endToEndId()).as(as).isEqualTo(t.get("end_to_end_reference"));
        } else if (details != null && (details.contains("/EREF/") || details.contains("EREF+"))) {
            assertThat(line.endToEndId()).as(as).isNotNull();
            assertThat(squash(details)).as(as).contains(squash(line.endToEndId()));
        } else {
            // Without a reference in :86:, the account owner's reference of :61: is the end-to-end one.
            assertThat(line.endToEndId()).as(as).isEqualTo(reference((String) t.get("customer_reference")));
        }

        if (t.containsKey("purpose")) {
            assertThat(line.remittanceText()).as(as).isEqualTo(blankToNull((String) t.get("purpose")));
        } else if (details == null || details.isBlank()) {
            assertThat(line.remittanceText()).as(as).isNull();
        } else if (subfields) {
            // The Python parser leaves Triodos's '>'-separated subfields as they are: the purpose is 20-29.
            assertThat(squash(line.remittanceText())).as(as).isEqualTo(squash(purposeSubfields(details)));
        } else if (dutchTags) {
            // /TAG/value pairs, left as they are by the Python parser: what we took must be in them.
            Stream.of(line.remittanceText(), line.counterpartyName(), line.endToEndId()).filter(Objects::nonNull)
                    .forEach(value -> assertThat(squash(details)).as(as).contains(squash(value)));
        } else {
            // Free text: the same words; line breaks and runs of spaces are layout.
            assertThat(squash(line.remittanceText())).as(as).isEqualTo(squash(details));
        }

        if (t.get("applicant_name") != null) {
            assertThat(line.counterpartyName()).as(as).isEqualTo(t.get("applicant_name"));
        } else if (!dutchTags) {
            assertThat(line.counterpartyName()).as(as).isNull();
        }

        Object iban = corrected(file, index, "counterpartyIban", t.get("applicant_iban"));
        String extra = (String) t.get("extra_details");
        if (iban != null) {
            assertThat(line.counterpartyIban()).as(as).isEqualTo(iban);
        } else if (extra != null && IBAN_SHAPE.matcher(extra).matches()) {
            // Rabobank's supplementary details of :61: are the counterparty's IBAN.
            assertThat(line.counterpartyIban()).as(as).isEqualTo(extra);
        } else if (subfields || dutchTags) {
            if (line.counterpartyIban() != null) {
                assertThat(squash(details)).as(as).contains(line.counterpartyIban());
            }
        } else {
            assertThat(line.counterpartyIban()).as(as).isNull();
        }
    }

    private static Object corrected(String file, int index, String field, Object expected) {
        return CORRECTIONS.stream()
                .filter(c -> c.file().equals(file) && c.transaction() == index && c.field().equals(field))
                .map(c -> (Object) c.value()).findFirst().orElse(expected);
    }

    /** The purpose subfields (20-29, 60-63) of a subfield-structured :86:, in order. */
    private static String purposeSubfields(String details) {
        String glued = details.replace("\n", "").strip();
        String separator = Pattern.quote(glued.substring(3, 4));
        return Stream.of(glued.split(separator)).skip(1)
                .filter(part -> part.length() >= 2 && part.substring(0, 2).matches("2\\d|6[0-3]"))
                .map(part -> part.substring(2)).collect(Collectors.joining());
    }

    private static String squash(String text) {
        return text == null ? null : text.replaceAll("\\s+", "");
    }

    private static String reference(String text) {
        String value = blankToNull(text);
        return "NONREF".equals(value) ? null : value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static int firstLineStartingWith(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + prefix + " in " + file);
    }

    // ---- files ----

    private static boolean isStatement(Path file) {
        return name(file).endsWith(".xml") || name(file).endsWith(".sta");
    }

    private static boolean isExpectation(Path file) {
        return name(file).endsWith(".json") || name(file).endsWith(".yml");
    }

    private static Path statementOf(Path expectation) {
        String name = name(expectation);
        String base = name.substring(0, name.lastIndexOf('.'));
        return expectation.resolveSibling(base + (name.endsWith(".json") ? ".xml" : ".sta"));
    }

    private static Path sibling(Path file, String extension) {
        String name = name(file);
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    /**
     * Reads the Python parser's YAML: objects ({@code !!python/object:...}) as maps, {@code decimal.Decimal}
     * as BigDecimal, {@code mt940.models.Date} (a pickled date: year high byte, low byte, month, day) as
     * LocalDate. The dumps are recursive (a transaction refers to its list), which maps allow.
     */
    static final class PythonTaggedYaml extends SafeConstructor {

        private static final String PYTHON = "tag:yaml.org,2002:python/";

        private PythonTaggedYaml(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put(PYTHON, new PythonObject());
        }

        static Map<String, Object> load(Path file) throws IOException {
            LoaderOptions options = new LoaderOptions();
            options.setTagInspector(tag -> tag.getValue().startsWith(PYTHON));
            options.setMaxAliasesForCollections(1000);
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return new Yaml(new PythonTaggedYaml(options)).load(reader);
            }
        }

        private final class PythonObject extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue();
                if (node instanceof MappingNode mapping) {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    if (!node.isTwoStepsConstruction()) {
                        constructMapping2ndStep(mapping, map);
                    }
                    return map;
                }
                if (node instanceof SequenceNode sequence) {
                    List<?> items = constructSequence(sequence);
                    if (tag.endsWith("decimal.Decimal")) {
                        return new BigDecimal((String) items.get(0));
                    }
                    if (tag.endsWith("mt940.models.Date")) {
                        byte[] state = (byte[]) items.get(0);
                        return LocalDate.of((state[0] & 0xff) << 8 | (state[1] & 0xff), state[2], state[3]);
                    }
                    return items;
                }
                return constructScalar((ScalarNode) node);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void construct2ndStep(Node node, Object object) {
                constructMapping2ndStep((MappingNode) node, (Map<Object, Object>) object);
            }
        }
    }
}
