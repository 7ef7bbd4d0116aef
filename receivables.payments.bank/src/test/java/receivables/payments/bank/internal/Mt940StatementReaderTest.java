package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
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

class Mt940StatementReaderTest {

    private static final Path JEJIK = StatementFilesTest.FOLDER.resolve("mt940/jejik");
    private final StatementFormat mt940 = new Mt940StatementReader();

    @Test
    void aBrokenStatementLineIsReportedWithItsLineNumber() throws Exception {
        List<String> lines = Files.readAllLines(JEJIK.resolve("abnamro.sta"));
        int third = indexOfNth(lines, ":61:", 3);
        assertThat(lines.get(third)).isEqualTo(":61:1105230523D11,63N426NONREF");
        lines.set(third, ":61:1105230523D11,6,3N426NONREF");
        RecordingSink sink = new RecordingSink();

        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> mt940.read(new ByteArrayInputStream(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)), sink));

        assertThat(refused.location()).isEqualTo("line " + (third + 1));
        assertThat(refused.getMessage()).contains("11,6,3");
        // the two lines before the fault were delivered as they were read; the statement never ended
        assertThat(sink.delivered()).isEqualTo(2);
        assertThat(sink.statements()).isEmpty();
    }

    @Test
    void anImpossibleDateIsReportedWithItsLineNumber() {
        String statement = ":20:X\n:25:NL91ABNA0417164300\n:60F:C260101EUR0,\n:61:2601010101C1,NTRFNONREF\n:61:2601320132C1,NTRFNONREF\n";

        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt940, statement));

        assertThat(refused.location()).isEqualTo("line 5");
        assertThat(refused.getMessage()).contains("260132");
    }

    @Test
    void anAmountIsNeverRounded() {
        String statement = ":20:X\n:25:A\n:60F:C260101%s0,\n:61:260101C%sNTRFNONREF\n";

        assertThat(catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt940, statement.formatted("EUR", "9,125"))).location()).isEqualTo("line 4");
        assertThat(catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt940, statement.formatted("JPY", "100,5"))).getMessage()).contains("JPY");
    }

    @Test
    void reversalsMoveMoneyTheOtherWayAndDrIsADebitInEuro() throws Exception {
        String statement = """
                :20:REV
                :25:NL91ABNA0417164300
                :60F:C260101EUR100,00
                :61:2601020102RC10,00NRTINONREF
                :61:2601020102RD5,50NRTINONREF
                :61:2601020102DR1,NTRFNONREF
                :61:2601020102CR2,NTRFNONREF
                :62F:C260102EUR96,50
                """;

        List<StatementLine> lines = RecordingSink.read(mt940, statement).lines();

        // RC reverses a credit: money leaves. RD reverses a debit: money comes back. R after D/C is the
        // funds code (EUR's third letter), not a reversal.
        assertThat(lines).extracting(StatementLine::direction, StatementLine::reversal, StatementLine::amount).containsExactly(
                tuple(Direction.DEBIT, true, Money.of("10", "EUR")), tuple(Direction.CREDIT, true, Money.of("5.5", "EUR")),
                tuple(Direction.DEBIT, false, Money.of("1", "EUR")), tuple(Direction.CREDIT, false, Money.of("2", "EUR")));
    }

    @Test
    void readsEveryStatementOfAFileWithItsBalances() throws Exception {
        RecordingSink abn = RecordingSink.read(mt940, JEJIK.resolve("abnamro.sta"));

        assertThat(abn.statements()).hasSize(2);
        StatementHeader second = abn.statements().get(1).end();
        // The second statement continues the first: intermediate balances :60M: and :62M:.
        assertThat(second).isEqualTo(new StatementHeader("ABN AMRO BANK NV", "517852257", "EUR", Money.of("2876.84", "EUR"),
                Money.of("1849.75", "EUR"), LocalDate.of(2011, 5, 23), LocalDate.of(2011, 5, 24)));
        // MT940 gives the closing balance after the lines: at the start of a statement it is not known yet.
        assertThat(abn.statements().get(1).begin().closingBalance()).isNull();
        assertThat(abn.statements()).extracting(s -> s.lines().size()).containsExactly(8, 2);

        RecordingSink sns = RecordingSink.read(mt940, JEJIK.resolve("sns.sta"));
        assertThat(sns.statements()).extracting(s -> s.lines().size()).containsExactly(2, 0);
        assertThat(sns.statements().get(1).begin().closingBalance()).isEqualTo(Money.of("1209.56", "EUR"));

        assertThat(RecordingSink.read(mt940, JEJIK.resolve("rabobank.sta")).statements())
                .extracting(s -> s.end().statementId(), s -> s.lines().size())
                .containsExactly(tuple("940A110615", 1), tuple("940A110616", 0), tuple("940A110617", 2), tuple("940A120829", 2));
    }

    @Test
    void readsDutchTaggedDetails() throws Exception {
        List<StatementLine> lines = RecordingSink.read(mt940, JEJIK.resolve("rabobank-iban.sta")).lines();

        assertThat(lines).hasSize(4);
        StatementLine first = lines.get(0);
        // /EREF/…/BENM//NAME/CONTRA ACCOUN⏎T HOLDER/REMI//ISDT/…: the name is cut by the line break.
        assertThat(first.endToEndId()).isEqualTo("01-01-2013 12:00 0030000987654321");
        assertThat(first.counterpartyName()).isEqualTo("CONTRA ACCOUNT HOLDER");
        assertThat(first.remittanceText()).isNull();
        // Rabobank names the counterparty's IBAN in the supplementary details of :61:.
        assertThat(first.counterpartyIban()).isEqualTo("NL70ABNA0987654321");
        StatementLine second = lines.get(1);
        assertThat(second.counterpartyName()).isEqualTo("JOHN DOE");
        assertThat(second.remittanceText()).isEqualTo("Reference 201301234");
        assertThat(second.endToEndId()).isNull();
        // P001234567 is a Rabobank account of the old kind, not an IBAN
        assertThat(second.counterpartyIban()).isNull();

        String ing = """
                :20:ING
                :25:NL69INGB0123456789EUR
                :60F:C260101EUR0,00
                :61:2601020102C25,00NTRFEREF//00000000001234
                :86:/EREF/E2E-77//CNTP/NL91ABNA0417164300/ABNANL2A/Kunde BV/Amste
                rdam//REMI/STRD/CUR/RF18539007547034/
                """;
        StatementLine structured = RecordingSink.read(mt940, ing).lines().get(0);
        assertThat(structured.endToEndId()).isEqualTo("E2E-77");
        assertThat(structured.counterpartyIban()).isEqualTo("NL91ABNA0417164300");
        assertThat(structured.counterpartyName()).isEqualTo("Kunde BV");
        assertThat(structured.creditorReference()).isEqualTo("RF18539007547034");
        assertThat(structured.remittanceText()).isNull();
        assertThat(structured.bankReference()).isEqualTo("00000000001234");
    }

    @Test
    void readsSubfieldsWhateverTheirSeparator() throws Exception {
        // Triodos separates the subfields of the German layout with '>' instead of '?'.
        List<StatementLine> lines = RecordingSink.read(mt940, JEJIK.resolve("triodos.sta")).lines();

        assertThat(lines.get(0).remittanceText()).isEqualTo("ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010");
        assertThat(lines.get(0).counterpartyIban()).isEqualTo("0390123456");
        assertThat(lines.get(1).remittanceText()).isEqualTo("HUUR KANTOOR - FEB 2010");
    }

    @Test
    void readsGermanSepaKeywordsAndLatin1Lines() throws Exception {
        byte[] statement = (":20:STARTUMS\r\n:25:10020030/1234567\r\n:28C:1/1\r\n:60F:C260105EUR1000,00\r\n"
                + ":61:2601050105CR150,00NTRFNONREF//1234\r\n"
                + ":86:166?00SEPA-GUTSCHRIFT?109310?20EREF+INV-2026-0042?21SVWZ+Rechnung 2026-0042 Kunden\r\n"
                + "?22nr 17?30BYLADEM1001?31DE89370400440532013000?32J\u00FCrgen M\u00FC\r\n?33ller\r\n"
                + ":62F:C260105EUR1150,00\r\n-\r\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(mt940.recognises(statement)).isTrue();
        RecordingSink got = RecordingSink.read(mt940, new ByteArrayInputStream(statement));

        assertThat(got.lines()).containsExactly(new StatementLine("STARTUMS", 1, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5),
                Money.of("150", "EUR"), Direction.CREDIT, "INV-2026-0042", null, "Rechnung 2026-0042 Kundennr 17",
                "J\u00FCrgen M\u00FCller", "DE89370400440532013000", "1234", false));
    }

    @Test
    void readsTheSwiftEnvelopeAndStatementInformationAfterTheClosingBalance() throws Exception {
        String swift = "{1:F01ABNANL2AXXXX0000000000}{2:O9401200260105ABNANL2AXXXX00000000002601051200N}{4:\n"
                + ":20:ENV\n:25:NL91ABNA0417164300\n:28C:1/1\n:60F:C260104EUR0,00\n"
                + ":61:2601050105C10,00NTRFNONREF\n:86:payment one\n:62F:C260105EUR10,00\n"
                + ":86:statement totals, not a payment\n-}{5:{CHK:123456789ABC}}\n";

        RecordingSink got = RecordingSink.read(mt940, swift);

        assertThat(got.statements()).hasSize(1);
        assertThat(got.lines()).extracting(StatementLine::remittanceText).containsExactly("payment one");
        assertThat(got.statements().get(0).end().closingBalance()).isEqualTo(Money.of("10", "EUR"));
    }

    @Test
    void aHeaderFieldAmongTheLinesIsRefused() {
        String statement = ":20:X\n:25:A\n:60F:C260101EUR0,\n:61:260101C1,NTRFNONREF\n:25:B\n";

        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt940, statement));

        assertThat(refused.location()).isEqualTo("line 5");
    }

    @Test
    void recognisesMt940ButNotXml() throws Exception {
        assertThat(mt940.recognises(Files.readAllBytes(JEJIK.resolve("ing.sta")))).isTrue();
        assertThat(mt940.recognises("<?xml version=\"1.0\"?>\n<Document>\n:20:X\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(mt940.recognises("Date;Amount;Payee\n2026-01-01;10,00;Acme\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(mt940.recognises(new byte[0])).isFalse();
    }

    private static int indexOfNth(List<String> lines, String prefix, int n) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix) && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("fewer than " + n + " " + prefix);
    }
}
