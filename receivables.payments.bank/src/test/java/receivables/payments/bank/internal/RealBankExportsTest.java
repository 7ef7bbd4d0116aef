package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import receivables.api.money.Money;
import receivables.api.statement.Direction;
import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementLine;

/**
 * The files in {@code src/test/resources/real-exports}: each bends its format as a real bank's export does,
 * and is read as the common open-source parsers read it, with a warning where the reader had to decide.
 */
class RealBankExportsTest {

    static final Path FOLDER = Path.of("src/test/resources/real-exports");

    private final Mt940StatementReader mt940 = new Mt940StatementReader();
    private final Mt940StatementReader mt942 = new Mt940StatementReader.Mt942();
    private final CamtStatementReader camt052 = new CamtStatementReader.Camt052();

    @Test
    void blanksWhereTheEntryDateGoesAndInsideTheTypeCodeAreRead() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("blank-entry-date-and-type-code.sta"));

        assertThat(sink.lines()).extracting(StatementLine::valueDate, StatementLine::bookingDate, StatementLine::direction,
                        StatementLine::amount, StatementLine::bankReference)
                .containsExactly(
                        tuple(LocalDate.of(2020, 1, 1), null, Direction.DEBIT, Money.of("65.00", "EUR"), null),
                        tuple(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 2), Direction.CREDIT,
                                Money.of("100.00", "EUR"), "BANKREF-0001"));
        assertThat(sink.lines().get(1).remittanceText()).isEqualTo("Zahlung INV-2026-000042");
        assertThat(sink.warnings()).extracting(RecordingSink.Warning::location).containsExactly("line 5", "line 7");
        assertThat(sink.warnings().get(0).message()).contains("blanks where the entry date goes");
        assertThat(sink.warnings().get(1).message()).contains("'S   '");
    }

    @Test
    void aDayTheMonthDoesNotHaveIsItsLastDayWithAWarning() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("impossible-dates.sta"));

        StatementLine line = sink.lines().get(0);
        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(sink.statements().get(0).end().to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(sink.warnings()).extracting(RecordingSink.Warning::location)
                .containsExactly("line 5", "line 5", "line 7");
        assertThat(sink.warnings().get(0).message()).contains("240230").contains("2024-02-29");
    }

    @Test
    void aMonthOrDayNoCalendarHasIsStillRefused() {
        String statement = ":20:X\n:25:A\n:60F:C260101EUR0,\n:61:2613010101C1,NTRFNONREF\n";

        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt940, statement));

        assertThat(refused.location()).isEqualTo("line 4");
        assertThat(refused.getMessage()).contains("261301");
    }

    @Test
    void sepaKeywordsCutAcrossSubfieldsAreFoundInTheGluedPurpose() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("sepa-keywords-split.sta"));

        StatementLine line = sink.lines().get(0);
        assertThat(line.remittanceText()).isEqualTo("Rechnung INV-2026-000042 Danke");
        assertThat(line.endToEndId()).isEqualTo("E2E-20260105-1");
        assertThat(line.counterpartyName()).isEqualTo("Muster GmbH");
        assertThat(line.counterpartyIban()).isEqualTo("DE02120300000000202051");
        assertThat(sink.warnings()).isEmpty();
    }

    @Test
    void centralEuropeanCodePage852IsRecognisedWithAWarning() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("cp852.sta"));

        StatementLine line = sink.lines().get(0);
        assertThat(line.remittanceText()).isEqualTo("Zapłata za fakturę INV-2026-000007");
        assertThat(line.counterpartyName()).isEqualTo("Łódź Spółka z o.o.");
        assertThat(line.counterpartyIban()).isEqualTo("PL27114020040000300201355387");
        assertThat(sink.warnings()).singleElement().satisfies(warning -> assertThat(warning.message()).contains("IBM852"));
    }

    @Test
    void aCodePageConfiguredForTheAccountIsTakenWithoutGuessing() throws Exception {
        // "Zahlung für Größe" in Windows-1252 read as IBM852, since the account says so
        byte[] file = (":20:X\r\n:25:PL61 1090 1014 0000 0712 1981 2874\r\n:60F:C260101PLN0,\r\n:61:260101C1,NTRFNONREF\r\n"
                + ":86:Zahlung f\u00fcr Gr\u00f6\u00dfe\r\n").getBytes("windows-1252");
        mt940.configure(configuration("PL61109010140000071219812874=IBM852"));

        RecordingSink sink = RecordingSink.read(mt940, new ByteArrayInputStream(file));

        assertThat(sink.lines().get(0).remittanceText()).isEqualTo(new String(
                "Zahlung f\u00fcr Gr\u00f6\u00dfe".getBytes("windows-1252"), BankTextDecoder.IBM852));
        assertThat(sink.warnings()).isEmpty();
    }

    @Test
    void withoutConfigurationGermanLatin1StaysWindows1252() throws Exception {
        byte[] file = (":20:X\r\n:25:DE89370400440532013000\r\n:60F:C260101EUR0,\r\n:61:260101C1,NTRFNONREF\r\n"
                + ":86:Zahlung f\u00fcr Gr\u00f6\u00dfe an M\u00fcller, Stra\u00dfe 1\r\n").getBytes("windows-1252");

        RecordingSink sink = RecordingSink.read(mt940, new ByteArrayInputStream(file));

        assertThat(sink.lines().get(0).remittanceText()).isEqualTo("Zahlung f\u00fcr Gr\u00f6\u00dfe an M\u00fcller, Stra\u00dfe 1");
        assertThat(sink.warnings()).isEmpty();
    }

    @Test
    void aWrongCodePageConfigurationIsRefused() {
        assertThatThrownBy(() -> mt940.configure(configuration("PL61109010140000071219812874=EBCDIC-NONSENSE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EBCDIC-NONSENSE");
        assertThatThrownBy(() -> mt940.configure(configuration("IBM852")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCOUNT=CODE_PAGE");
    }

    @Test
    void controlCharactersNeverComeOut() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("control-characters.sta"));

        String text = sink.lines().get(0).remittanceText();
        assertThat(text.chars()).noneMatch(Character::isISOControl);
        assertThat(text).isEqualTo("Zahlung\uFFFD INV-2026-000008\uFFFD");
        assertThat(sink.warnings()).singleElement().satisfies(warning -> assertThat(warning.message())
                .startsWith("2 control characters"));
    }

    @Test
    void anIbanLongerThanTheReferenceFieldIsKeptWholeAsTheCounterpartyAccount() throws Exception {
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("dutch-iban-in-reference.sta"));

        StatementLine line = sink.lines().get(0);
        assertThat(line.counterpartyIban()).isEqualTo("NL20INGB0001234567");
        assertThat(line.endToEndId()).isNull();
        assertThat(line.remittanceText()).isEqualTo("Factuur INV-2026-000009 J. de Vries");
        assertThat(sink.warnings()).singleElement().satisfies(warning -> assertThat(warning.location()).isEqualTo("line 6"));
    }

    @Test
    void anMt942InterimReportIsReadAsAnnouncedMovementsWithoutBalances() throws Exception {
        RecordingSink sink = RecordingSink.read(mt942, FOLDER.resolve("mt942-interim.sta"));

        assertThat(sink.statements()).singleElement().satisfies(report -> {
            assertThat(report.begin().interim()).isTrue();
            assertThat(report.begin().accountCurrency()).isEqualTo("EUR");
            assertThat(report.begin().openingBalance()).isNull();
            assertThat(report.end().closingBalance()).isNull();
        });
        assertThat(sink.lines()).extracting(StatementLine::amount, StatementLine::bankReference, StatementLine::remittanceText)
                .containsExactly(tuple(Money.of("311.59", "EUR"), "BANKREF-0007", "Rechnung INV-2026-000042"),
                        tuple(Money.of("80.00", "EUR"), null, "Spende"));
    }

    @Test
    void mt940AndMt942EachRecogniseOnlyTheirOwn() throws Exception {
        byte[] interim = Files.readAllBytes(FOLDER.resolve("mt942-interim.sta"));
        byte[] statement = Files.readAllBytes(FOLDER.resolve("mt940-after-interim.sta"));

        assertThat(mt942.recognises(interim)).isTrue();
        assertThat(mt940.recognises(interim)).isFalse();
        assertThat(mt940.recognises(statement)).isTrue();
        assertThat(mt942.recognises(statement)).isFalse();
        RecordingSink sink = RecordingSink.read(mt940, FOLDER.resolve("mt940-after-interim.sta"));
        assertThat(sink.statements().get(0).begin().interim()).isFalse();
    }

    @Test
    void aBalanceInAnInterimReportIsRefused() {
        String report = ":20:X\n:25:A\n:34F:EUR0,\n:60F:C260101EUR0,\n:61:260101C1,NTRFNONREF\n";

        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(mt942, report));

        assertThat(refused.location()).isEqualTo("line 4");
        assertThat(refused.getMessage()).contains("MT942");
    }

    @Test
    void aCamt052IntradayReportGivesItsBookedEntriesOnly() throws Exception {
        byte[] file = Files.readAllBytes(FOLDER.resolve("camt052-intraday.xml"));
        assertThat(camt052.recognises(file)).isTrue();
        assertThat(new CamtStatementReader.Camt053().recognises(file)).isFalse();

        RecordingSink sink = RecordingSink.read(camt052, FOLDER.resolve("camt052-intraday.xml"));

        assertThat(sink.statements()).singleElement().satisfies(report -> assertThat(report.begin().interim()).isTrue());
        assertThat(sink.lines()).extracting(StatementLine::amount, StatementLine::bankReference, StatementLine::remittanceText)
                .containsExactly(tuple(Money.of("311.59", "EUR"), "BANKREF-0007", "Rechnung INV-2026-000042"));
    }

    @Test
    void aCamtDayPastTheMonthsEndIsItsLastDayAndANonsenseDateIsStillRefused() throws Exception {
        String report = Files.readString(FOLDER.resolve("camt052-intraday.xml"));

        RecordingSink sink = RecordingSink.read(camt052, report.replace("<ValDt><Dt>2026-01-05", "<ValDt><Dt>2026-02-30"));

        assertThat(sink.lines().get(0).valueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(sink.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.location()).isEqualTo("Rpt[1]/Ntry[1]/ValDt/Dt");
            assertThat(warning.message()).contains("2026-02-30");
        });
        MalformedStatementException refused = catchThrowableOfType(MalformedStatementException.class,
                () -> RecordingSink.read(camt052, report.replace("<ValDt><Dt>2026-01-05", "<ValDt><Dt>2026-02-32")));
        assertThat(refused.getMessage()).contains("2026-02-32");
    }

    private static Mt940Configuration configuration(String... codePages) {
        return new Mt940Configuration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return Mt940Configuration.class;
            }

            @Override
            public String[] codePages() {
                return codePages;
            }
        };
    }
}
