package receivables.payments.bank.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.osgi.service.component.annotations.Component;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;

/**
 * ISO 20022 bank-to-customer cash-management messages: camt.053 statements, camt.052 intraday account
 * reports (interim: their headers say {@link StatementHeader#interim()}) and camt.054 debit/credit
 * notifications, any version ({@code camt.053.001.02} to {@code .001.13}: the elements read here kept
 * their names; from {@code .001.08} on parties are wrapped in {@code Pty}, which is read too).
 *
 * <p>Streams with StAX: element text is collected between start and end tags, an entry ({@code Ntry})
 * is built while it is read and handed to the sink at its end tag, and then forgotten. DTDs are refused
 * and external entities never resolved.
 *
 * <p>Only booked entries become lines: an entry whose status is not {@code BOOK} (pending or
 * information only) has not moved money yet. A batch entry with several transactions becomes one line
 * per transaction when every transaction states its own amount and they add up to the entry's; otherwise
 * it stays one line that carries the transactions' remittance texts only, since name, IBAN and
 * references of one of them would be wrong for the others.
 */
public class CamtStatementReader implements StatementFormat {

    /** camt.053, registered as a service of its own. */
    @Component(name = "receivables.statement.camt.053", service = StatementFormat.class, property = "statement.format=camt.053")
    public static final class Camt053 extends CamtStatementReader {
        public Camt053() {
            super(Message.CAMT_053);
        }
    }

    /** camt.052, registered as a service of its own. */
    @Component(name = "receivables.statement.camt.052", service = StatementFormat.class, property = "statement.format=camt.052")
    public static final class Camt052 extends CamtStatementReader {
        public Camt052() {
            super(Message.CAMT_052);
        }
    }

    /** camt.054, registered as a service of its own. */
    @Component(name = "receivables.statement.camt.054", service = StatementFormat.class, property = "statement.format=camt.054")
    public static final class Camt054 extends CamtStatementReader {
        public Camt054() {
            super(Message.CAMT_054);
        }
    }

    /** The messages this class reads, with the elements that differ between them. */
    enum Message {
        CAMT_052("camt.052", "BkToCstmrAcctRpt", "Rpt", true),
        CAMT_053("camt.053", "BkToCstmrStmt", "Stmt", false),
        CAMT_054("camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn", false);

        final String id;
        final String messageElement;
        final String recordElement;
        final boolean interim;
        final String namespacePrefix;
        final Pattern messageStartTag;

        Message(String id, String messageElement, String recordElement, boolean interim) {
            this.id = id;
            this.messageElement = messageElement;
            this.recordElement = recordElement;
            this.interim = interim;
            this.namespacePrefix = "urn:iso:std:iso:20022:tech:xsd:" + id + ".";
            this.messageStartTag = Pattern.compile("<(?:[\\w.-]+:)?" + messageElement + "[\\s>]");
        }
    }

    /** A date whose month exists and whose day is 29 to 31: the candidates for a day past the month's end. */
    private static final Pattern DAY_PAST_MONTH_END = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])-(29|30|31)");
    /** camt amounts are ISO 20022 decimals: no sign, no exponent. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(?:\\.\\d{1,18})?");
    /** ISO 20022 allows 140 characters of {@code Ustrd}; a bank that fills them split a longer text. */
    private static final int USTRD_WIDTH = 140;
    /** No element we read is longer; a longer text is not a bank statement but an attack on memory. */
    private static final int MAX_TEXT = 100_000;
    /** Placeholder ISO 20022 prescribes when the payer gave no end-to-end reference. */
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private static final Set<String> TEXT_LEAVES = Set.of("Id", "Acct/Id/IBAN", "Acct/Id/Othr/Id", "Acct/Ccy",
            "FrToDt/FrDtTm", "FrToDt/ToDtTm", "Bal/Tp/CdOrPrtry/Cd", "Bal/Amt", "Bal/CdtDbtInd", "Bal/Dt/Dt",
            "Bal/Dt/DtTm", "Ntry/Amt", "Ntry/CdtDbtInd", "Ntry/RvslInd", "Ntry/Sts", "Ntry/Sts/Cd",
            "Ntry/BookgDt/Dt", "Ntry/BookgDt/DtTm", "Ntry/ValDt/Dt", "Ntry/ValDt/DtTm", "Ntry/AcctSvcrRef");
    private static final String TX = "Ntry/NtryDtls/TxDtls";
    private static final String TX_PREFIX = TX + "/";

    private final Message message;

    CamtStatementReader(Message message) {
        this.message = message;
    }

    @Override
    public String id() {
        return message.id;
    }

    @Override
    public boolean recognises(byte[] head) {
        if (head == null) {
            return false;
        }
        String text = decodeHead(head).stripLeading();
        return text.startsWith("<")
                && (text.contains(message.namespacePrefix) || message.messageStartTag.matcher(text).find());
    }

    @Override
    public void read(InputStream in, StatementSink sink) throws MalformedStatementException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            new Pass(xml, sink).run();
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing the reader never closes the caller's stream; nothing is left to release
                }
            }
        }
    }

    private static MalformedStatementException notWellFormed(XMLStreamException e) {
        String location = e.getLocation() == null ? "document"
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        String problem = e.getMessage();
        // The JDK's messages repeat the position in a prefix such as "ParseError at [row,col]:[8,5]\nMessage: ".
        int at = problem == null ? -1 : problem.indexOf("Message: ");
        return new MalformedStatementException(location,
                "not well-formed XML: " + (at >= 0 ? problem.substring(at + 9) : problem), e);
    }

    /** The head as text: UTF-16 when a byte-order mark or the zero bytes of {@code <?} say so, else Latin-1. */
    static String decodeHead(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == 0 && head[1] == '<'))) {
            return new String(head, StandardCharsets.UTF_16BE);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == '<' && head[1] == 0))) {
            return new String(head, StandardCharsets.UTF_16LE);
        }
        int start = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        // Latin-1 decodes any byte, so a head cut inside a multi-byte character does no harm.
        return new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
    }

    /** One reading of one document: the element stack and what has been gathered of the current record. */
    private final class Pass {

        private final XMLStreamReader xml;
        private final StatementSink sink;
        private final List<String> stack = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private String amountCurrency;
        private boolean messageSeen;
        private int records;

        private Statement statement;
        private Balance balance;
        private Entry entry;
        private Transaction transaction;

        Pass(XMLStreamReader xml, StatementSink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        void run() throws XMLStreamException, MalformedStatementException {
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.DTD -> throw new MalformedStatementException(lineHere(),
                            "a DOCTYPE is not allowed in an ISO 20022 message");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> collect();
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedStatementException(lineHere(),
                            "entity reference &" + xml.getLocalName() + "; is not allowed");
                    default -> {
                        // comments, processing instructions and the document's start and end carry nothing
                    }
                }
            }
            if (!messageSeen) {
                throw new MalformedStatementException(lineHere(), "no " + message.messageElement + " element: not a "
                        + message.id + " message");
            }
        }

        private void collect() throws MalformedStatementException {
            if (text.length() + xml.getTextLength() > MAX_TEXT) {
                throw malformed("text longer than " + MAX_TEXT + " characters");
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        }

        private void start() throws MalformedStatementException {
            String name = xml.getLocalName();
            stack.add(name);
            text.setLength(0);
            int depth = stack.size();
            if (depth == 1) {
                String namespace = xml.getNamespaceURI();
                if (!name.equals("Document") || !(namespace == null || namespace.isEmpty()
                        || namespace.startsWith(message.namespacePrefix))) {
                    throw malformed("not a " + message.id + " document: it starts with "
                            + (namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}") + name);
                }
            } else if (depth == 2) {
                if (!name.equals(message.messageElement)) {
                    throw malformed("expected " + message.messageElement + " in a " + message.id + " document");
                }
                messageSeen = true;
            } else if (depth == 3 && name.equals(message.recordElement)) {
                records++;
                statement = new Statement();
            } else if (statement != null) {
                String path = relativePath();
                if (name.equals("Amt")) {
                    amountCurrency = xml.getAttributeValue(null, "Ccy");
                }
                switch (path) {
                    case "Bal" -> {
                        statement.balances++;
                        balance = new Balance();
                    }
                    case "Ntry" -> {
                        sendHeader();
                        statement.entries++;
                        entry = new Entry();
                    }
                    case TX -> {
                        transaction = new Transaction();
                        entry.transactions.add(transaction);
                    }
                    default -> {
                        // the element's text, if wanted, is taken at its end tag
                    }
                }
            }
        }

        private void end() throws MalformedStatementException {
            int depth = stack.size();
            try {
                if (depth == 2) {
                    if (records == 0) {
                        throw malformed("the message has no " + message.recordElement + "; " + message.id
                                + " carries at least one");
                    }
                } else if (depth == 3 && statement != null) {
                    sendHeader();
                    sink.end(statement.header);
                    statement = null;
                } else if (statement != null) {
                    String path = relativePath();
                    switch (path) {
                        case "Bal" -> endBalance();
                        case "Ntry" -> endEntry();
                        case TX -> transaction = null;
                        default -> {
                            if (TEXT_LEAVES.contains(path)) {
                                leaf(path, text.toString().strip());
                            } else if (path.startsWith(TX_PREFIX) && transaction != null) {
                                transactionLeaf(path.substring(TX_PREFIX.length()), text.toString().strip());
                            }
                        }
                    }
                }
            } finally {
                text.setLength(0);
                stack.remove(stack.size() - 1);
            }
        }

        private void leaf(String path, String value) throws MalformedStatementException {
            switch (path) {
                case "Id" -> statement.id = value;
                case "Acct/Id/IBAN" -> statement.account = value;
                case "Acct/Id/Othr/Id" -> {
                    if (statement.account == null) {
                        statement.account = value;
                    }
                }
                case "Acct/Ccy" -> {
                    if (!Money.isCurrency(value)) {
                        throw malformed("not an ISO 4217 currency: " + value);
                    }
                    statement.currency = value;
                }
                case "FrToDt/FrDtTm" -> statement.from = date(value);
                case "FrToDt/ToDtTm" -> statement.to = date(value);
                case "Bal/Tp/CdOrPrtry/Cd" -> balance.code = value;
                case "Bal/Amt" -> balance.amount = amount(value);
                case "Bal/CdtDbtInd" -> balance.direction = direction(value);
                case "Bal/Dt/Dt", "Bal/Dt/DtTm" -> balance.date = date(value);
                case "Ntry/Amt" -> entry.amount = amount(value);
                case "Ntry/CdtDbtInd" -> entry.direction = direction(value);
                case "Ntry/RvslInd" -> entry.reversal = bool(value);
                case "Ntry/Sts", "Ntry/Sts/Cd" -> {
                    // Before .001.08 the status is the element's text, from then on it is in Sts/Cd.
                    if (!value.isEmpty()) {
                        entry.status = value;
                    }
                }
                case "Ntry/BookgDt/Dt", "Ntry/BookgDt/DtTm" -> entry.bookingDate = date(value);
                case "Ntry/ValDt/Dt", "Ntry/ValDt/DtTm" -> entry.valueDate = date(value);
                case "Ntry/AcctSvcrRef" -> entry.bankReference = value;
                default -> throw new IllegalStateException("unhandled leaf " + path);
            }
        }

        private void transactionLeaf(String path, String value) throws MalformedStatementException {
            Transaction tx = transaction;
            switch (path) {
                case "Refs/EndToEndId" -> tx.endToEndId = NOT_PROVIDED.equals(value) ? null : value;
                case "Refs/AcctSvcrRef" -> tx.bankReference = value;
                case "Amt", "AmtDtls/TxAmt/Amt" -> tx.amount = amount(value);
                case "CdtDbtInd" -> tx.direction = direction(value);
                case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> tx.debtor = value;
                case "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm" -> tx.ultimateDebtor = value;
                case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> tx.creditor = value;
                case "RltdPties/UltmtCdtr/Nm", "RltdPties/UltmtCdtr/Pty/Nm" -> tx.ultimateCreditor = value;
                case "RltdPties/DbtrAcct/Id/IBAN" -> tx.debtorAccount = value;
                case "RltdPties/DbtrAcct/Id/Othr/Id" -> tx.debtorAccount = tx.debtorAccount == null ? value : tx.debtorAccount;
                case "RltdPties/CdtrAcct/Id/IBAN" -> tx.creditorAccount = value;
                case "RltdPties/CdtrAcct/Id/Othr/Id" -> tx.creditorAccount = tx.creditorAccount == null ? value : tx.creditorAccount;
                case "RmtInf/Ustrd" -> tx.remittance = joinUnstructured(tx.remittance, value);
                case "RmtInf/Strd/CdtrRefInf/Ref" -> tx.creditorReference = tx.creditorReference == null ? value : tx.creditorReference;
                default -> {
                    // charges, agents, addresses, purpose codes, ...: nothing of ours
                }
            }
        }

        private void endBalance() throws MalformedStatementException {
            if (balance.amount == null || balance.direction == null) {
                throw malformed("a balance needs Amt and CdtDbtInd");
            }
            Money signed = balance.direction == Direction.DEBIT ? balance.amount.negate() : balance.amount;
            // OPBD is the opening booked balance; PRCD, the previous statement's closing booked balance,
            // is the same figure and stands in when a bank sends only that.
            if ("OPBD".equals(balance.code) || ("PRCD".equals(balance.code) && !statement.openedByOpbd)) {
                statement.opening = signed;
                statement.openingDate = balance.date;
                statement.openedByOpbd = "OPBD".equals(balance.code);
            } else if ("CLBD".equals(balance.code)) {
                statement.closing = signed;
                statement.closingDate = balance.date;
            }
            balance = null;
        }

        private void endEntry() throws MalformedStatementException {
            Entry done = entry;
            entry = null;
            if (done.amount == null || done.direction == null) {
                throw malformed("an entry needs Amt and CdtDbtInd");
            }
            if (done.status != null && !done.status.equals("BOOK")) {
                return;
            }
            List<Transaction> txs = done.transactions;
            if (txs.size() > 1 && addsUp(done)) {
                for (Transaction tx : txs) {
                    Direction direction = tx.direction == null ? done.direction : tx.direction;
                    emit(done, tx, tx.amount, direction, tx.bankReference != null ? tx.bankReference : done.bankReference);
                }
            } else if (txs.size() > 1) {
                Transaction batch = new Transaction();
                for (Transaction tx : txs) {
                    batch.remittance = tx.remittance == null ? batch.remittance
                            : batch.remittance == null ? tx.remittance : batch.remittance + " " + tx.remittance;
                }
                emit(done, batch, done.amount, done.direction, done.bankReference);
            } else {
                Transaction tx = txs.isEmpty() ? new Transaction() : txs.get(0);
                emit(done, tx, done.amount, done.direction, done.bankReference != null ? done.bankReference : tx.bankReference);
            }
        }

        /** Whether every transaction of a batch has an amount in the entry's currency and together they are the entry. */
        private boolean addsUp(Entry batch) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Transaction tx : batch.transactions) {
                if (tx.amount == null || !tx.amount.currency().equals(batch.amount.currency())) {
                    return false;
                }
                Direction direction = tx.direction == null ? batch.direction : tx.direction;
                sum = direction == batch.direction ? sum.add(tx.amount.amount()) : sum.subtract(tx.amount.amount());
            }
            return sum.compareTo(batch.amount.amount()) == 0;
        }

        private void emit(Entry e, Transaction tx, Money amount, Direction direction, String bankReference) {
            boolean credit = direction == Direction.CREDIT;
            // On a credit the counterparty is who paid us (debtor), on a debit whom we paid (creditor); the
            // ultimate party stands in when the bank names only that one.
            String name = credit ? firstOf(tx.debtor, tx.ultimateDebtor) : firstOf(tx.creditor, tx.ultimateCreditor);
            String account = credit ? tx.debtorAccount : tx.creditorAccount;
            sink.line(new StatementLine(statement.id, ++statement.lines, e.bookingDate, e.valueDate, amount, direction,
                    tx.endToEndId, tx.creditorReference, tx.remittance, name, account, bankReference, e.reversal));
        }

        private void sendHeader() {
            Statement s = statement;
            if (s.header == null) {
                String currency = s.currency != null ? s.currency : s.opening != null ? s.opening.currency() : null;
                s.header = new StatementHeader(s.id, s.account, currency, s.opening, s.closing,
                        s.from != null ? s.from : s.openingDate, s.to != null ? s.to : s.closingDate, message.interim);
                sink.statement(s.header);
            }
        }

        private Money amount(String value) throws MalformedStatementException {
            if (amountCurrency == null || amountCurrency.isEmpty()) {
                throw malformed("amount " + value + " has no Ccy");
            }
            if (!DECIMAL.matcher(value).matches()) {
                throw malformed("not an amount: '" + value + "' (digits and a decimal point, no sign)");
            }
            try {
                // Money refuses digits beyond the currency's scale unless they are zeros: banks pad amounts
                // to ISO 20022's five decimals (camt053.v2.five.decimals has 8.850 EUR, which its reference
                // reading takes as 885 cents), so zeros are exact and accepted; any other digit would need
                // rounding, and a statement is never rounded.
                return Money.of(new BigDecimal(value), amountCurrency);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        }

        private Direction direction(String value) throws MalformedStatementException {
            return switch (value) {
                case "CRDT" -> Direction.CREDIT;
                case "DBIT" -> Direction.DEBIT;
                default -> throw malformed("CdtDbtInd is CRDT or DBIT, not '" + value + "'");
            };
        }

        private boolean bool(String value) throws MalformedStatementException {
            return switch (value) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw malformed("not a boolean: '" + value + "'");
            };
        }

        /**
         * The date as written, also of a date-time: its offset says where that day was, not another day. A day the
         * month does not have (2024-02-30) is the month's last day, with a warning, as in MT940.
         */
        private LocalDate date(String value) throws MalformedStatementException {
            String day = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
            try {
                return LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                Matcher past = DAY_PAST_MONTH_END.matcher(day);
                if (past.matches()) {
                    YearMonth month = YearMonth.of(Integer.parseInt(past.group(1)), Integer.parseInt(past.group(2)));
                    if (Integer.parseInt(past.group(3)) > month.lengthOfMonth()) {
                        sink.warning(location(), "the date " + day + " names a day its month does not have; read as "
                                + month.atEndOfMonth());
                        return month.atEndOfMonth();
                    }
                }
                throw malformed("not an ISO 8601 date: '" + value + "'");
            }
        }

        private String relativePath() {
            return String.join("/", stack.subList(3, stack.size()));
        }

        private MalformedStatementException malformed(String problem) {
            return new MalformedStatementException(location(), problem + " (" + lineHere() + ")");
        }

        private String lineHere() {
            return "line " + xml.getLocation().getLineNumber();
        }

        /** Where the reader is, as {@code Stmt[2]/Ntry[5]/Amt}: the repeated elements with their position. */
        private String location() {
            if (stack.size() < 3 || statement == null) {
                // outside a record the message element leads; Document alone when the fault is there
                return String.join("/", stack.size() > 1 ? stack.subList(1, stack.size()) : stack);
            }
            StringBuilder location = new StringBuilder(message.recordElement).append('[').append(records).append(']');
            for (int i = 3; i < stack.size(); i++) {
                String name = stack.get(i);
                location.append('/').append(name);
                if (i == 3 && name.equals("Ntry")) {
                    location.append('[').append(statement.entries).append(']');
                } else if (i == 3 && name.equals("Bal")) {
                    location.append('[').append(statement.balances).append(']');
                } else if (i == 5 && name.equals("TxDtls") && entry != null) {
                    location.append('[').append(entry.transactions.size()).append(']');
                }
            }
            return location.toString();
        }
    }

    /** Ustrd pieces joined by a space, or glued when the bank filled a piece and so cut its text mechanically. */
    private static String joinUnstructured(String sofar, String piece) {
        if (piece.isEmpty()) {
            return sofar;
        }
        if (sofar == null) {
            return piece;
        }
        return sofar.length() % USTRD_WIDTH == 0 ? sofar + piece : sofar + " " + piece;
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }

    private static final class Statement {
        String id;
        String account;
        String currency;
        LocalDate from;
        LocalDate to;
        Money opening;
        LocalDate openingDate;
        boolean openedByOpbd;
        Money closing;
        LocalDate closingDate;
        int entries;
        int lines;
        int balances;
        StatementHeader header;
    }

    private static final class Balance {
        String code;
        Money amount;
        Direction direction;
        LocalDate date;
    }

    private static final class Entry {
        Money amount;
        Direction direction;
        boolean reversal;
        String status;
        LocalDate bookingDate;
        LocalDate valueDate;
        String bankReference;
        final List<Transaction> transactions = new ArrayList<>(1);
    }

    private static final class Transaction {
        String endToEndId;
        String bankReference;
        Money amount;
        Direction direction;
        String debtor;
        String ultimateDebtor;
        String debtorAccount;
        String creditor;
        String ultimateCreditor;
        String creditorAccount;
        String remittance;
        String creditorReference;
    }
}
