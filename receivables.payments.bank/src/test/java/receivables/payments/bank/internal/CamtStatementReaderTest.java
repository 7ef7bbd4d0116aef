package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementFormat;
import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;
import receivables.api.statement.StatementSink;

class CamtStatementReaderTest {

    private static final Path CAMT = StatementFilesTest.FOLDER.resolve("camt");
    private final StatementFormat camt053 = new CamtStatementReader.Camt053();
    private final StatementFormat camt054 = new CamtStatementReader.Camt054();

    @Test
    void theWrongFileIsRefusedWhereItsStatementIsMissing() {
        // camt053.v2.wrong.xml closes BkToCstmrStmt after the group header: camt.053 requires a Stmt.
        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt053, CAMT.resolve("camt053.v2.wrong.xml")));

        assertThat(refused.location()).isEqualTo("BkToCstmrStmt");
        assertThat(refused.getMessage()).contains("no Stmt").contains("line 8");
    }

    @Test
    void zerosBeyondTheCurrencysDecimalsAreExactButAnotherDigitIsRefused() throws Exception {
        String file = Files.readString(CAMT.resolve("camt053.v2.five.decimals.xml"));
        assertThat(file).contains("<Amt Ccy=\"EUR\">8.850</Amt>").contains("<Amt Ccy=\"EUR\">27.050</Amt>");

        assertThat(RecordingSink.read(camt053, file).lines().get(0).amount()).isEqualTo(Money.of("8.85", "EUR"));

        MalformedStatementException entry = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt053, file.replace(">8.850<", ">8.855<")));
        assertThat(entry.location()).isEqualTo("Stmt[1]/Ntry[1]/Amt");
        assertThat(entry.getMessage()).contains("8.855").contains("EUR");

        MalformedStatementException balance = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt053, file.replace(">27.050<", ">27.051<")));
        assertThat(balance.location()).isEqualTo("Stmt[1]/Bal[2]/Amt");
    }

    @Test
    void readsBothStatementsOfTheMultiStatementFile() throws Exception {
        // The reference dump of this file lists only the second statement's entry (both entries have
        // index 0 there); the XML has one entry in each of its two statements.
        RecordingSink got = RecordingSink.read(camt053, CAMT.resolve("camt053.v2.multi.statement.xml"));

        assertThat(got.statements()).extracting(s -> s.begin().statementId())
                .containsExactly("253EURNL26VAYB8060476890", "254EURNL26VAYB8060476890");
        StatementHeader first = got.statements().get(0).begin();
        assertThat(first.accountCurrency()).isEqualTo("EUR");
        assertThat(first.openingBalance()).isEqualTo(Money.of("18.15", "EUR"));
        assertThat(first.closingBalance()).isEqualTo(Money.of("27.00", "EUR"));
        assertThat(first.from()).isEqualTo(LocalDate.of(2007, 10, 18));
        StatementLine line = got.statements().get(0).lines().get(0);
        assertThat(line.amount()).isEqualTo(Money.of("8.85", "EUR"));
        assertThat(line.direction()).isEqualTo(Direction.CREDIT);
        assertThat(line.endToEndId()).isEqualTo("000000001");
        assertThat(line.remittanceText()).isEqualTo("Transaction Description 1");
        // The file names only the creditor, which on a credit is the account holder: no counterparty.
        assertThat(line.counterpartyName()).isNull();
        assertThat(got.statements().get(1).lines()).extracting(StatementLine::direction).containsExactly(Direction.DEBIT);
    }

    @Test
    void takesTheOpeningBookedBalanceAndTheAccountCurrencyFromIt() throws Exception {
        // all-balance-types has OPBD 1.01 and PRCD 2.02 but no Acct/Ccy.
        StatementHeader header = RecordingSink.read(camt053, CAMT.resolve("camt053.v2.all-balance-types.xml"))
                .statements().get(0).begin();

        assertThat(header.accountIban()).isEqualTo("CH2801234000123456789");
        assertThat(header.accountCurrency()).isEqualTo("EUR");
        assertThat(header.openingBalance()).isEqualTo(Money.of("1.01", "EUR"));
        assertThat(header.closingBalance()).isEqualTo(Money.of("4.04", "EUR"));
        assertThat(header.from()).isEqualTo(LocalDate.of(2015, 1, 21));
        assertThat(header.to()).isEqualTo(LocalDate.of(2015, 1, 22));
    }

    @Test
    void readsANotificationOfALaterVersion() throws Exception {
        String notification = document("camt.054.001.08", "BkToCstmrDbtCdtNtfctn", """
                <Ntfctn>
                  <Id>N-1</Id>
                  <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                  <Ntry>
                    <Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><DtTm>2026-03-02T23:30:00-05:00</DtTm></ValDt>
                    <AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <Refs><EndToEndId>E2E-1</EndToEndId></Refs>
                      <RltdPties>
                        <Dbtr><Pty><Nm>M&#xFC;ller &amp; S&#xF6;hne GmbH</Nm></Pty></Dbtr>
                        <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
                        <Cdtr><Pty><Nm>Us</Nm></Pty></Cdtr>
                      </RltdPties>
                      <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="EUR">40.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-03-03</Dt></BookgDt>
                    <NtryDtls><TxDtls>
                      <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                      <RltdPties><Dbtr><Pty><Nm>Us</Nm></Pty></Dbtr><Cdtr><Pty><Nm>Payer Returned</Nm></Pty></Cdtr></RltdPties>
                      <RmtInf><Ustrd>Return of</Ustrd><Ustrd>invoice 7</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                </Ntfctn>""");

        assertThat(camt054.recognises(notification.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(camt053.recognises(notification.getBytes(StandardCharsets.UTF_8))).isFalse();
        RecordingSink got = RecordingSink.read(camt054, notification);

        StatementHeader header = got.statements().get(0).begin();
        assertThat(header).isEqualTo(new StatementHeader("N-1", "DE02120300000000202051", "EUR", null, null, null, null));
        List<StatementLine> lines = got.lines();
        // The pending entry has not moved money: it is not a line.
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(new StatementLine("N-1", 1, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                Money.of("150.00", "EUR"), Direction.CREDIT, "E2E-1", "RF18539007547034", null, "Müller & Söhne GmbH",
                "DE89370400440532013000", "BANK-REF-1", false));
        assertThat(lines.get(1)).isEqualTo(new StatementLine("N-1", 2, LocalDate.of(2026, 3, 3), null,
                Money.of("40.00", "EUR"), Direction.DEBIT, null, null, "Return of invoice 7", "Payer Returned", null, null,
                true));

        MalformedStatementException wrongMessage = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt053, notification));
        assertThat(wrongMessage.location()).isEqualTo("Document");
        assertThat(wrongMessage.getMessage()).contains("camt.054.001.08");
    }

    @Test
    void splitsABatchWhoseTransactionsAddUpAndKeepsOneThatDoesNot() throws Exception {
        String batch = """
                <Ntry>
                  <Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-05</Dt></BookgDt>
                  <AcctSvcrRef>BATCH</AcctSvcrRef>
                  <NtryDtls>
                    <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy="EUR">10.00</Amt>
                      <RltdPties><Dbtr><Nm>Payer A</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Invoice 1</Ustrd></RmtInf></TxDtls>
                    <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls>
                      <RltdPties><Dbtr><Nm>Payer B</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Invoice 2</Ustrd></RmtInf></TxDtls>
                  </NtryDtls>
                </Ntry>""";
        String statement = "<Stmt><Id>S</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>%s</Stmt>";

        List<StatementLine> split = RecordingSink.read(camt053,
                document("camt.053.001.04", "BkToCstmrStmt", statement.formatted(batch))).lines();
        assertThat(split).extracting(StatementLine::amount, StatementLine::endToEndId, StatementLine::counterpartyName)
                .containsExactly(tuple(Money.of("10", "EUR"), "A", "Payer A"),
                        tuple(Money.of("20", "EUR"), "B", "Payer B"));
        assertThat(split).extracting(StatementLine::bankReference).containsOnly("BATCH");

        List<StatementLine> kept = RecordingSink.read(camt053, document("camt.053.001.04", "BkToCstmrStmt",
                statement.formatted(batch.replace(">20.00<", ">19.00<")))).lines();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).amount()).isEqualTo(Money.of("30", "EUR"));
        assertThat(kept.get(0).endToEndId()).isNull();
        assertThat(kept.get(0).counterpartyName()).isNull();
        assertThat(kept.get(0).remittanceText()).isEqualTo("Invoice 1 Invoice 2");
    }

    @Test
    void refusesADoctypeAndNeverReadsAnExternalEntity() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String attack = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + document("camt.053.001.02", "BkToCstmrStmt", "<Stmt><Id>&xxe;</Id></Stmt>").substring(39);
        try {
            MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                    () -> RecordingSink.read(camt053, attack));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
            assertThat(refused.location()).isEqualTo("line 2");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void refusesWhatIsNotWellFormedWithItsLine() {
        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt053, document("camt.053.001.02", "BkToCstmrStmt",
                        "<Stmt>\n<Id>S</Id>\n<Ntry></Stmt>")));

        assertThat(refused.location()).startsWith("line 6, column");
    }

    @Test
    void streamsAHundredThousandEntriesInConstantMemory() throws Exception {
        Path file = Path.of("target", "generated-statements", "camt053-100000.xml");
        Files.createDirectories(file.getParent());
        int entries = 100_000;
        BigDecimal written = BigDecimal.ZERO;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = document("camt.053.001.02", "BkToCstmrStmt",
                    "<Stmt><Id>BIG</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>");
            out.write(head.substring(0, head.indexOf("\n</BkToCstmrStmt>")));
            for (int i = 1; i <= entries; i++) {
                BigDecimal amount = BigDecimal.valueOf(i % 9973 + 1, 2).add(BigDecimal.valueOf(i % 50));
                boolean debit = i % 3 == 0;
                written = debit ? written.subtract(amount) : written.add(amount);
                out.write("<Ntry><Amt Ccy=\"EUR\">" + amount.toPlainString() + "</Amt><CdtDbtInd>" + (debit ? "DBIT" : "CRDT")
                        + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-02</Dt></BookgDt><NtryDtls><TxDtls><Refs>"
                        + "<EndToEndId>E" + i + "</EndToEndId></Refs><RmtInf><Ustrd>Invoice " + i
                        + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        long size = Files.size(file);
        Counting sink = new Counting();

        try (CountingInput in = new CountingInput(Files.newInputStream(file))) {
            sink.input = in;
            camt053.read(in, sink);
        }

        assertThat(sink.lines).isEqualTo(entries);
        assertThat(sink.sum).isEqualByComparingTo(written);
        // The first line reached the sink when only the start of the file had been read.
        assertThat(sink.readAtFirstLine).isPositive().isLessThan(size / 100);
    }

    /** A sink that keeps nothing but a count and a sum. */
    private static final class Counting implements StatementSink {
        CountingInput input;
        long readAtFirstLine;
        long lines;
        BigDecimal sum = BigDecimal.ZERO;

        @Override
        public void statement(StatementHeader header) {
        }

        @Override
        public void line(StatementLine line) {
            if (lines++ == 0) {
                readAtFirstLine = input.read;
            }
            sum = line.direction() == Direction.CREDIT ? sum.add(line.amount().amount()) : sum.subtract(line.amount().amount());
        }
    }

    private static final class CountingInput extends FilterInputStream {
        long read;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }

    private static String document(String version, String message, String records) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + version + "\">\n"
                + "<" + message + "><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-03-02T10:00:00</CreDtTm></GrpHdr>\n" + records + "\n</"
                + message + "></Document>\n";
    }
}
