package receivables.payments.bank.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;

/**
 * SWIFT MT940 customer statements as banks export them: with or without the SWIFT envelope
 * ({@code {1:...}{4:}), bank-specific lines before {@code :20:} ({@code ABNANL2A}, {@code 940}), several
 * statements per file, separated by {@code -} or not at all.
 *
 * <p>Reads line by line and keeps only the field being read and the {@code :61:} line waiting for its
 * {@code :86:} details. Tags: {@code :20:} begins a statement, {@code :25:} account, {@code :28C:} number
 * (accepted, not kept), {@code :60F:}/{@code :60M:} opening balance, which also gives the currency of the
 * lines, {@code :61:} a line, {@code :86:} its details, {@code :62F:}/{@code :62M:} closing balance; an
 * {@code :86:} after the closing balance is about the statement and not kept, and so are other tags.
 *
 * <p>{@code :86:} comes in three shapes, told apart by its start:
 * <ul>
 * <li>German (DFÜ-Abkommen) and Polish/Dutch variants of it: a three-digit transaction code, then
 * subfields each starting with a separator (usually {@code ?}, Triodos {@code >}) and two digits; the
 * purpose is {@code 20}-{@code 29} and {@code 60}-{@code 63}, glued (they are fixed-width chunks), and
 * split into SEPA keywords ({@code EREF+}, {@code SVWZ+}, ...) when it has them; {@code 32}+{@code 33} the
 * name; {@code 38} the IBAN, else {@code 31} the account.</li>
 * <li>Dutch SEPA (ABN AMRO, ING, Rabobank): {@code /TAG/value} pairs such as {@code /EREF/},
 * {@code /NAME/}, {@code /IBAN/}, {@code /REMI/}, {@code /CNTP/}.</li>
 * <li>anything else: free text, which becomes the remittance text.</li>
 * </ul>
 * In the structured shapes a line break carries no meaning (banks wrap at 65 characters, inside words),
 * so lines are glued; in free text they are joined by a space unless the line was full.
 *
 * <p>Real exports bend the syntax where nothing is ambiguous, and are read with a warning to the sink, as
 * the common open-source parsers read them: blanks where the entry date goes, blanks inside the transaction
 * type code, a day the month does not have (30 February is its last day), an IBAN longer than the 16
 * characters of the reference field (kept whole as the counterparty's account). The code page is guessed
 * line by line (see {@link BankTextDecoder}) unless configured for the account.
 *
 * <p>MT942 interim reports are read by the {@link Mt942} component: the same fields without balances, the
 * currency taken from the floor limit {@code :34F:}; their headers say {@link StatementHeader#interim()}.
 */
@Component(name = "receivables.statement.mt940", service = StatementFormat.class, property = "statement.format=mt940",
        configurationPid = Mt940Configuration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Mt940Configuration.class)
public class Mt940StatementReader implements StatementFormat {

    /** MT942 interim transaction reports, registered as a service of its own. */
    @Component(name = "receivables.statement.mt942", service = StatementFormat.class, property = "statement.format=mt942",
            configurationPid = Mt940Configuration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
    public static final class Mt942 extends Mt940StatementReader {
        public Mt942() {
            super(true);
        }
    }

    static final String ID = "mt940";
    static final String INTERIM_ID = "mt942";

    /** SWIFT's width of a line of field 86. */
    private static final int LINE_WIDTH = 65;
    /** Real lines are at most a few hundred characters; anything far longer is not MT940. */
    private static final int MAX_LINE_BYTES = 16 * 1024;
    /** A field of more than this is not a bank's but an attack on memory. */
    private static final int MAX_FIELD_CHARS = 64 * 1024;

    private static final Pattern TAG = Pattern.compile(":([0-9]{2,3}[A-Z]?|NS):(.*)");
    private static final Pattern KNOWN_FIELD_START = Pattern.compile("(?m)^:(20|21|25|28C?|60[FM]|61|62[FM]|64|65|86):");
    /** What only an interim report has (floor limit, date and time); what only a statement has (balances). */
    private static final Pattern INTERIM_FIELD = Pattern.compile("(?m)^:(34F|13D):");
    private static final Pattern BALANCE_FIELD = Pattern.compile("(?m)^:(60[FM]|62[FM]):");
    /** {@code :34F:} currency, [D or C], floor limit. */
    private static final Pattern FLOOR_LIMIT = Pattern.compile("([A-Z]{3})[DC]?\\d[\\d,]*");
    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})(\\d+(?:,\\d*)?)");
    /**
     * {@code :61:} line 1: value date YYMMDD, [entry date MMDD], mark (C, D, RC reversal of a credit, RD
     * reversal of a debit), [funds code, the currency's third letter: {@code DR} is a debit in EUR, not a
     * reversal], amount with decimal comma, transaction type (N/F/S + 3), and what follows: reference for
     * the account owner [//bank reference] [supplementary details].
     */
    private static final Pattern LINE = Pattern.compile(
            "(?<value>\\d{6})(?:(?<entry>\\d{4})|(?<blank> {1,4}))?(?<mark>RC|RD|C|D)(?<funds>[A-Z])? ?(?<amount>\\d[\\d,]*)"
                    + "(?<type>[A-Z][A-Z0-9 ]{3})(?<rest>.*)");
    /** An IBAN at the start of the reference field, however long (Dutch banks put the payer's there). */
    private static final Pattern LEADING_IBAN = Pattern.compile("([A-Z]{2}\\d{2}[A-Z0-9]{11,30})(?![A-Z0-9]).*");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(?:,\\d*)?");
    private static final Pattern STRUCTURED_DETAILS = Pattern.compile("\\d{3}([^\\p{Alnum}\\s])\\d{2}.*", Pattern.DOTALL);
    private static final Pattern SEPA_KEYWORD = Pattern.compile(
            "(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|PURP|BREF|RREF)\\+");
    private static final Pattern DUTCH_TAG = Pattern.compile(
            "/(EREF|MARF|CSID|CNTP|REMI|PURP|ULTC|ULTD|ULTB|TRTP|IBAN|BIC|NAME|ADDR|BENM|ORDP|ISDT|RTRN|PREF|SVCL|CREF|BUSP|EXCH|CHGS|RTYP|ACCW|OCMT)/");
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    /** Placeholder SWIFT prescribes when there is no reference. */
    private static final String NONREF = "NONREF";
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final boolean interim;
    private volatile Map<String, Charset> codePages = Map.of();

    public Mt940StatementReader() {
        this(false);
    }

    Mt940StatementReader(boolean interim) {
        this.interim = interim;
    }

    @Activate
    @Modified
    void configure(Mt940Configuration configuration) {
        codePages = codePages(configuration.codePages());
    }

    /** The configured entries by account; refuses the configuration, and so keeps the reader from starting, when one is wrong. */
    static Map<String, Charset> codePages(String[] entries) {
        Map<String, Charset> byAccount = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int equals = entry.lastIndexOf('=');
            String account = equals < 0 ? "" : account(entry.substring(0, equals));
            if (account.isEmpty()) {
                throw new IllegalArgumentException("codePages: '" + entry + "' is not ACCOUNT=CODE_PAGE");
            }
            String name = entry.substring(equals + 1).strip();
            try {
                byAccount.put(account, Charset.forName(name));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("codePages: " + name + " is not a code page this Java runtime has");
            }
        }
        return Map.copyOf(byAccount);
    }

    /** An account as :25: gives it, the way code pages are looked up: no spaces, no leading slash, upper case. */
    private static String account(String text) {
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.startsWith("/") ? compact.substring(1) : compact;
    }

    @Override
    public String id() {
        return interim ? INTERIM_ID : ID;
    }

    @Override
    public boolean recognises(byte[] head) {
        if (head == null) {
            return false;
        }
        String text = CamtStatementReader.decodeHead(head);
        if (text.stripLeading().startsWith("<") || !KNOWN_FIELD_START.matcher(text).find()) {
            return false;
        }
        boolean interimReport = INTERIM_FIELD.matcher(text).find() && !BALANCE_FIELD.matcher(text).find();
        return interimReport == interim;
    }

    @Override
    public void read(InputStream in, StatementSink sink) throws MalformedStatementException {
        Lines lines = new Lines(in);
        try {
            new Pass(lines, sink, interim, codePages).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset guessed = lines.decoder.unusualGuess();
        if (guessed != null) {
            sink.warning("file", "the file names no code page; lines that are not UTF-8 were read as " + guessed.name()
                    + " where that gave more letters than Windows-1252 (set the account's code page to be sure)");
        }
        if (lines.decoder.controls() > 0) {
            sink.warning("file", lines.decoder.controls() + " control characters replaced by \uFFFD");
        }
    }

    /** The file's lines with their numbers, each decoded by a {@link BankTextDecoder}. */
    private static final class Lines {

        private final InputStream in;
        final BankTextDecoder decoder = new BankTextDecoder();
        private byte[] buffer = new byte[256];
        private int number;

        Lines(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        /** The next line without its line break, or {@code null} at the end. */
        String next() throws IOException, MalformedStatementException {
            int length = 0;
            int b = in.read();
            if (b < 0) {
                return null;
            }
            number++;
            while (b >= 0 && b != '\n') {
                if (length == MAX_LINE_BYTES) {
                    throw new MalformedStatementException("line " + number, "longer than " + MAX_LINE_BYTES + " bytes");
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[length++] = (byte) b;
                b = in.read();
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            int start = number == 1 && length >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB
                    && buffer[2] == (byte) 0xBF ? 3 : 0;
            return decoder.decode(buffer, start, length - start);
        }

        int number() {
            return number;
        }
    }

    /** A tag with its content lines, the first being what follows the tag on its line. */
    private record Field(String tag, int line, List<String> lines) {

        String first() {
            return lines.get(0).strip();
        }
    }

    /** One reading of one file. */
    private static final class Pass {

        private final Lines lines;
        private final StatementSink sink;
        private final boolean interim;
        private final Map<String, Charset> codePages;
        private Field field;
        private int fieldChars;
        private String previousTag;
        private Statement statement;
        private Pending pending;
        private int statements;

        Pass(Lines lines, StatementSink sink, boolean interim, Map<String, Charset> codePages) {
            this.lines = lines;
            this.sink = sink;
            this.interim = interim;
            this.codePages = codePages;
        }

        void run() throws IOException, MalformedStatementException {
            for (String line = lines.next(); line != null; line = lines.next()) {
                Matcher tag = TAG.matcher(line);
                if (tag.matches()) {
                    dispatch();
                    field = new Field(tag.group(1), lines.number(), new ArrayList<>(List.of(tag.group(2))));
                    fieldChars = tag.group(2).length();
                } else if (line.startsWith("-")) {
                    // SWIFT forbids '-' at the start of a line in a field: it ends the message ("-", "-}", "-XXX").
                    dispatch();
                    finishStatement();
                } else if (field != null && !line.isBlank()) {
                    fieldChars += line.length();
                    if (fieldChars > MAX_FIELD_CHARS) {
                        throw new MalformedStatementException("line " + lines.number(),
                                ":" + field.tag() + ": is longer than " + MAX_FIELD_CHARS + " characters");
                    }
                    field.lines().add(line);
                }
                // Outside a field, lines are the envelope or a bank's own header (ABNANL2A, 940, {1:...}).
            }
            dispatch();
            finishStatement();
            if (statements == 0) {
                throw new MalformedStatementException("line " + Math.max(1, lines.number()), interim
                        ? "no MT942 report in the file (no :20:, :25:, :34F:, :13D: or :61: field)"
                        : "no MT940 statement in the file (no :20:, :25:, :60F:, :61: or :62F: field)");
            }
        }

        private void dispatch() throws MalformedStatementException {
            Field f = field;
            field = null;
            if (f == null) {
                return;
            }
            String tag = f.tag();
            switch (tag) {
                case "20" -> {
                    finishStatement();
                    open().reference = f.first();
                }
                case "25" -> {
                    Statement s = headerField(f);
                    s.account = f.first();
                    lines.decoder.fix(codePages.get(account(s.account)));
                }
                case "34F" -> {
                    Statement s = open();
                    if (interim && s.currency == null) {
                        s.currency = floorLimitCurrency(f);
                    }
                    flushPending();
                }
                case "60F", "60M", "62F", "62M" -> {
                    if (interim) {
                        throw new MalformedStatementException("line " + f.line(), ":" + tag
                                + ": is a booked balance, which an MT942 interim report does not carry; is this an MT940?");
                    }
                    balanceField(f, tag);
                }
                case "28", "28C" -> headerField(f);
                case "61" -> line(f);
                case "86" -> {
                    if (pending != null && ("61".equals(previousTag) || "86".equals(previousTag))) {
                        pending.details.add(f.lines());
                    }
                    // else: information about the whole statement (ING writes totals after :62F:)
                }
                case "21", "13", "13D", "64", "65", "90C", "90D" -> {
                    // related reference, time, floor limit, available balances, totals: in a statement, not ours
                    open();
                    flushPending();
                }
                default -> {
                    // a bank's own tags (Rabobank's :940: before :20:): not MT940's
                    flushPending();
                }
            }
            previousTag = tag;
        }

        private void balanceField(Field f, String tag) throws MalformedStatementException {
            if (tag.startsWith("60")) {
                Statement s = headerField(f);
                s.opening = balance(f);
                s.openingDate = s.balanceDate;
            } else {
                Statement s = open();
                flushPending();
                s.closing = balance(f);
                s.closingDate = s.balanceDate;
            }
        }

        private static String floorLimitCurrency(Field f) throws MalformedStatementException {
            Matcher m = FLOOR_LIMIT.matcher(f.first());
            if (!m.matches() || !Money.isCurrency(m.group(1))) {
                throw new MalformedStatementException("line " + f.line(), ":34F: is currency, [D or C] and floor limit "
                        + "(e.g. EUR0,), not '" + f.first() + "'");
            }
            return m.group(1);
        }

        /** The current statement; a field that only ever stands in a statement opens one when none is open. */
        private Statement open() {
            if (statement == null) {
                statement = new Statement();
                statements++;
            }
            return statement;
        }

        private Statement headerField(Field f) throws MalformedStatementException {
            Statement s = open();
            if (s.header != null) {
                throw new MalformedStatementException("line " + f.line(), ":" + f.tag()
                        + ": after the statement's lines; a new statement begins with :20:");
            }
            return s;
        }

        private Money balance(Field f) throws MalformedStatementException {
            String text = f.first();
            Matcher m = BALANCE.matcher(text);
            if (!m.matches()) {
                throw new MalformedStatementException("line " + f.line(), ":" + f.tag()
                        + ": is C or D, date YYMMDD, currency and amount (e.g. C110522EUR3236,28), not '" + text + "'");
            }
            String location = "line " + f.line();
            statement.balanceDate = date(m.group(2), location);
            Money amount = money(m.group(4), m.group(3), location);
            return m.group(1).equals("D") ? amount.negate() : amount;
        }

        private void line(Field f) throws MalformedStatementException {
            String location = "line " + f.line();
            Statement s = open();
            if (s.closing != null) {
                throw new MalformedStatementException(location, ":61: after the closing balance");
            }
            String currency = interim ? s.currency : s.opening == null ? null : s.opening.currency();
            if (currency == null) {
                throw new MalformedStatementException(location, interim
                        ? ":61: before the floor limit (:34F:), which gives the currency of its amount"
                        : ":61: before an opening balance (:60F: or :60M:), which gives the currency of its amount");
            }
            flushPending();
            sendHeader();
            String text = f.lines().get(0);
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new MalformedStatementException(location, ":61: is value date YYMMDD, [entry date MMDD], "
                        + "C/D/RC/RD, [funds code], amount, transaction type and reference, not '" + text + "'");
            }
            Pending p = new Pending();
            p.valueDate = date(m.group("value"), location);
            p.bookingDate = m.group("entry") == null ? null : entryDate(m.group("entry"), p.valueDate, location);
            if (m.group("blank") != null) {
                sink.warning(location, ":61: has blanks where the entry date goes; read without an entry date");
            }
            if (m.group("type").contains(" ")) {
                sink.warning(location, ":61: has blanks in the transaction type code '" + m.group("type") + "'");
            }
            String mark = m.group("mark");
            // RC reverses a credit, so money leaves the account: a debit. RD reverses a debit: a credit.
            p.direction = mark.equals("C") || mark.equals("RD") ? Direction.CREDIT : Direction.DEBIT;
            p.reversal = mark.startsWith("R");
            p.amount = money(m.group("amount"), currency, location);
            String rest = m.group("rest");
            int slashes = rest.indexOf("//");
            String extra;
            Matcher iban = LEADING_IBAN.matcher(slashes >= 0 ? rest.substring(0, slashes) : rest);
            if (iban.matches() && iban.group(1).length() > 16 && Iban.isValid(iban.group(1))) {
                // Dutch banks put the counterparty's IBAN in the 16 characters of the reference, and overflow them
                p.referenceIban = iban.group(1);
                // the IBAN itself stays out of the note: notes are kept in clear, the payer's account is personal data
                sink.warning(location, ":61: has the counterparty's IBAN in its reference field, longer than"
                        + " its 16 characters; kept whole as the counterparty's account");
                rest = rest.substring(p.referenceIban.length());
                slashes = rest.indexOf("//");
            }
            if (slashes >= 0 && slashes <= 16) {
                p.ownerReference = reference(rest.substring(0, slashes));
                p.bankReference = reference(rest.substring(slashes + 2));
                extra = null;
            } else {
                p.ownerReference = reference(rest.substring(0, Math.min(16, rest.length())));
                extra = rest.length() > 16 ? rest.substring(16).strip() : null;
            }
            // Supplementary details: line 2 of :61:, or what some banks (Rabobank) put after 16 characters.
            p.supplementary = f.lines().size() > 1 ? f.lines().get(1).strip() : extra;
            pending = p;
        }

        private void flushPending() {
            Pending p = pending;
            if (p == null) {
                return;
            }
            pending = null;
            Details d = Details.of(p.details);
            String iban = d.iban;
            if (iban == null && p.supplementary != null && IBAN_SHAPE.matcher(p.supplementary).matches()) {
                // Rabobank puts the counterparty's IBAN in the supplementary details of :61:.
                iban = p.supplementary;
            }
            if (iban == null) {
                iban = p.referenceIban;
            }
            // The reference for the account owner is where MT940 carries the end-to-end reference when
            // :86: names none (the German banks' mapping of camt to MT940 puts it there).
            String endToEnd = d.endToEndId != null ? d.endToEndId : p.ownerReference;
            sink.line(new StatementLine(statement.reference, ++statement.lines, p.bookingDate, p.valueDate, p.amount,
                    p.direction, endToEnd, d.creditorReference, d.remittance, d.name, iban, p.bankReference, p.reversal));
        }

        private void sendHeader() {
            Statement s = statement;
            if (s.header == null) {
                s.header = s.header(interim);
                sink.statement(s.header);
            }
        }

        private void finishStatement() {
            Statement s = statement;
            if (s == null) {
                return;
            }
            flushPending();
            sendHeader();
            sink.end(s.header(interim));
            statement = null;
        }

        /** A YYMMDD date; SWIFT's two-digit years are taken as 1980 to 2079. */
        private LocalDate date(String yymmdd, String location) throws MalformedStatementException {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            return day(YearMonth.of(yy < 80 ? 2000 + yy : 1900 + yy, 1), yymmdd.substring(2), yymmdd, location);
        }

        /**
         * Month and day {@code mmdd} in {@code year}'s year; a day the month does not have (30 February, 31 April)
         * is the month's last day, with a warning: banks' systems print such value dates for month-end interest.
         */
        private LocalDate day(YearMonth year, String mmdd, String date, String location) throws MalformedStatementException {
            int month = Integer.parseInt(mmdd.substring(0, 2));
            int day = Integer.parseInt(mmdd.substring(2, 4));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                throw new MalformedStatementException(location, "not a date YYMMDD: " + date);
            }
            YearMonth yearMonth = year.withMonth(month);
            if (day > yearMonth.lengthOfMonth()) {
                sink.warning(location, "the date " + date + " names day " + day + " of a month of "
                        + yearMonth.lengthOfMonth() + " days; read as " + yearMonth.atEndOfMonth());
                return yearMonth.atEndOfMonth();
            }
            return yearMonth.atDay(day);
        }

        /** The entry date MMDD in the year that puts it nearest the value date (a booking on 2 January may carry value 31 December). */
        private LocalDate entryDate(String mmdd, LocalDate valueDate, String location) throws MalformedStatementException {
            int month = Integer.parseInt(mmdd.substring(0, 2));
            int day = Integer.parseInt(mmdd.substring(2, 4));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                throw new MalformedStatementException(location, "not an entry date MMDD: " + mmdd);
            }
            LocalDate best = null;
            for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
                YearMonth candidateMonth = YearMonth.of(year, month);
                if (day > candidateMonth.lengthOfMonth()) {
                    continue; // 29 February of a year without it: another candidate year may have it
                }
                LocalDate candidate = candidateMonth.atDay(day);
                if (best == null || Math.abs(ChronoUnit.DAYS.between(valueDate, candidate))
                        < Math.abs(ChronoUnit.DAYS.between(valueDate, best))) {
                    best = candidate;
                }
            }
            return best != null ? best : day(YearMonth.from(valueDate), mmdd, mmdd, location);
        }

        private static Money money(String amount, String currency, String location) throws MalformedStatementException {
            if (!AMOUNT.matcher(amount).matches()) {
                throw new MalformedStatementException(location, "not an amount: '" + amount + "' (digits, one decimal comma)");
            }
            if (!Money.isCurrency(currency)) {
                throw new MalformedStatementException(location, "not an ISO 4217 currency: " + currency);
            }
            String decimal = amount.replace(',', '.');
            try {
                return Money.of(new BigDecimal(decimal.endsWith(".") ? decimal.substring(0, decimal.length() - 1) : decimal),
                        currency);
            } catch (IllegalArgumentException e) {
                // more non-zero decimals than the currency has: a statement is never rounded
                throw new MalformedStatementException(location, e.getMessage());
            }
        }

        private static String reference(String text) {
            String stripped = text.strip();
            return stripped.isEmpty() || stripped.equals(NONREF) ? null : stripped;
        }
    }

    /** What an :86: says, in our terms. */
    private static final class Details {
        String endToEndId;
        String creditorReference;
        String remittance;
        String name;
        String iban;

        static Details of(List<List<String>> fields) {
            Details d = new Details();
            if (fields.isEmpty()) {
                return d;
            }
            StringBuilder glued = new StringBuilder();
            for (List<String> field : fields) {
                field.forEach(glued::append);
            }
            String structured = glued.toString().strip();
            Matcher gvc = STRUCTURED_DETAILS.matcher(structured);
            if (gvc.matches()) {
                d.readSubfields(structured, gvc.group(1).charAt(0));
            } else if (structured.startsWith("/") && DUTCH_TAG.matcher(structured).lookingAt()) {
                d.readDutchTags(structured);
            } else {
                d.remittance = blankToNull(freeText(fields));
            }
            return d;
        }

        /** German layout: {@code 166?00posting text?20purpose?21purpose?30BLZ?31account?32name...}. */
        private void readSubfields(String text, char separator) {
            Map<Integer, StringBuilder> subfields = new LinkedHashMap<>();
            List<String> purpose = new ArrayList<>();
            Matcher m = Pattern.compile(Pattern.quote(String.valueOf(separator)) + "(\\d{2})").matcher(text);
            int code = -1;
            int from = 0;
            while (true) {
                boolean found = m.find();
                if (code >= 0) {
                    String value = text.substring(from, found ? m.start() : text.length());
                    subfields.computeIfAbsent(code, c -> new StringBuilder()).append(value);
                    if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) {
                        purpose.add(value);
                    }
                }
                if (!found) {
                    break;
                }
                code = Integer.parseInt(m.group(1));
                from = m.end();
            }
            readSepaKeywords(purpose);
            name = blankToNull(text(subfields, 32) + text(subfields, 33));
            iban = blankToNull(subfields.containsKey(38) ? text(subfields, 38) : text(subfields, 31));
        }

        /**
         * The purpose subfields are fixed-width pieces of one text, and banks cut it anywhere, also inside a
         * keyword ({@code ?22S?23VWZ+Rechnung}): the pieces are glued first, and the keywords found in the
         * whole. Text before the first keyword is free text.
         */
        private void readSepaKeywords(List<String> purpose) {
            String whole = String.join("", purpose);
            Map<String, String> keywords = new LinkedHashMap<>();
            Matcher k = SEPA_KEYWORD.matcher(whole);
            String keyword = null;
            int from = 0;
            String free = whole;
            while (true) {
                boolean found = k.find();
                if (keyword != null) {
                    keywords.merge(keyword, whole.substring(from, found ? k.start() : whole.length()), String::concat);
                } else {
                    free = whole.substring(0, found ? k.start() : whole.length());
                }
                if (!found) {
                    break;
                }
                keyword = k.group(1);
                from = k.end();
            }
            if (keywords.isEmpty()) {
                remittance = blankToNull(free);
                return;
            }
            remittance = blankToNull(keywords.containsKey("SVWZ") ? keywords.get("SVWZ") : free);
            String eref = blankToNull(keywords.get("EREF"));
            endToEndId = NOT_PROVIDED.equals(eref) ? null : eref;
        }

        /** Dutch layout: {@code /EREF/ref/BENM//NAME/name/REMI/text/ISDT/date}; values may hold '/'. */
        private void readDutchTags(String text) {
            Matcher m = DUTCH_TAG.matcher(text);
            String tag = null;
            int from = 0;
            while (true) {
                boolean found = m.find();
                if (tag != null) {
                    // ING closes each value with '/' before the next tag's ('//CNTP/'), Rabobank does not
                    dutchTag(tag, trimSlash(text.substring(from, found ? m.start() : text.length()).strip()));
                }
                if (!found) {
                    break;
                }
                tag = m.group(1);
                from = m.end();
            }
        }

        private void dutchTag(String tag, String value) {
            switch (tag) {
                case "EREF" -> endToEndId = NOT_PROVIDED.equals(value) ? null : blankToNull(value);
                case "NAME" -> name = name == null ? blankToNull(value) : name;
                case "IBAN" -> iban = iban == null ? blankToNull(value) : iban;
                case "CNTP" -> {
                    // ING: IBAN/BIC/name/city
                    String[] parts = value.split("/", -1);
                    iban = iban == null ? blankToNull(parts[0]) : iban;
                    name = name == null && parts.length > 2 ? blankToNull(parts[2]) : name;
                }
                case "REMI" -> {
                    if (value.startsWith("STRD/")) {
                        // STRD/CUR/<reference>/: a structured creditor reference (RF or the bank's scheme)
                        String reference = value.substring(5);
                        int slash = reference.indexOf('/');
                        creditorReference = blankToNull(trimSlash(slash >= 0 ? reference.substring(slash + 1) : reference));
                    } else if (value.startsWith("USTD/")) {
                        remittance = blankToNull(trimSlash(value.substring(5).replaceFirst("^/", "")));
                    } else {
                        remittance = blankToNull(value);
                    }
                }
                default -> {
                    // mandate, creditor id, purpose, dates, ...: nothing of ours
                }
            }
        }

        /** Free text: a full line was cut mechanically and continues on the next, a shorter one ended there. */
        private static String freeText(List<List<String>> fields) {
            StringBuilder text = new StringBuilder();
            for (List<String> field : fields) {
                boolean glue = false;
                for (String line : field) {
                    if (text.length() > 0 && !glue) {
                        text.append(' ');
                    }
                    text.append(glue ? line : line.strip());
                    glue = line.length() >= LINE_WIDTH;
                }
            }
            return text.toString().strip();
        }

        private static String text(Map<Integer, StringBuilder> subfields, int code) {
            StringBuilder value = subfields.get(code);
            return value == null ? "" : value.toString();
        }

        private static String trimSlash(String value) {
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        private static String blankToNull(String value) {
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }
    }

    private static final class Statement {
        String reference;
        String account;
        String currency;
        Money opening;
        LocalDate openingDate;
        Money closing;
        LocalDate closingDate;
        LocalDate balanceDate;
        int lines;
        StatementHeader header;

        StatementHeader header(boolean interim) {
            String declared = opening != null ? opening.currency() : closing != null ? closing.currency() : currency;
            return new StatementHeader(reference, account, declared, opening, closing, openingDate, closingDate, interim);
        }
    }

    private static final class Pending {
        LocalDate valueDate;
        LocalDate bookingDate;
        Direction direction;
        boolean reversal;
        Money amount;
        String ownerReference;
        String referenceIban;
        String bankReference;
        String supplementary;
        final List<List<String>> details = new ArrayList<>(1);
    }
}
