package receivables.payments.bank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.statement.MalformedStatementException;
import receivables.api.statement.StatementLine;

/**
 * Whatever a bank's (or an attacker's) file holds in a statement line, the MT940 reader either reads it or
 * refuses it with the line at fault: it never fails otherwise, and no control character ever comes out.
 */
class HostileStatementLinesTest {

    private final Mt940StatementReader mt940 = new Mt940StatementReader();

    @Property(tries = 300)
    void anyAmountIsReadExactlyOrRefusedAtItsLine(@ForAll("amounts") String amount) {
        String statement = ":20:X\n:25:DE89370400440532013000\n:60F:C260101EUR0,\n:61:260102C" + amount
                + "NTRFNONREF//B-1\n:86:Invoice INV-1\n:62F:C260102EUR0,\n";

        try {
            StatementLine line = RecordingSink.read(mt940, statement).lines().get(0);
            assertThat(line.amount().amount()).isEqualByComparingTo(new BigDecimal(
                    amount.endsWith(",") ? amount.substring(0, amount.length() - 1) : amount.replace(',', '.')));
        } catch (MalformedStatementException refused) {
            assertThat(refused.location()).isEqualTo("line 4");
        }
    }

    @Property(tries = 300)
    void anyBytesInTheDetailsAreReadWithoutControlCharacters(@ForAll byte[] details) {
        byte[] head = ":20:X\r\n:25:DE89370400440532013000\r\n:60F:C260101EUR0,\r\n:61:260102C1,00NTRFNONREF\r\n:86:"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[head.length + details.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(details, 0, file, head.length, details.length);

        try {
            RecordingSink sink = RecordingSink.read(mt940, new ByteArrayInputStream(file));
            for (StatementLine line : sink.lines()) {
                for (String text : new String[] { line.remittanceText(), line.counterpartyName(), line.counterpartyIban(),
                        line.endToEndId(), line.creditorReference() }) {
                    assertThat(text == null ? "" : text).doesNotContainPattern("\\p{Cc}");
                }
            }
        } catch (MalformedStatementException refused) {
            assertThat(refused.location()).startsWith("line ");
        }
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> decimals = Arbitraries.strings().withChars("0123456789").ofMaxLength(4);
        return Arbitraries.oneOf(
                digits.map(whole -> whole + ","),
                digits.flatMap(whole -> decimals.map(fraction -> whole + "," + fraction)),
                Arbitraries.strings().withChars("0123456789,").ofMinLength(1).ofMaxLength(30)
                        .filter(text -> Character.isDigit(text.charAt(0))));
    }
}
