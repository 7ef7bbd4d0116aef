package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.money.Money;
import receivables.api.report.AgingRow;

/** The aging report's rows are sorted in Java, in the order PostgreSQL's C collation gave them when it sorted them. */
class AgingRowOrderTest {

    @Test
    void namesByCodePointThenCustomersByTheirUnsignedBytesThenCurrency() {
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        // As a UTF-16 unit U+FF21 (fullwidth A) is above the high surrogate that starts U+1D538; by code point below it.
        List<AgingRow> rows = List.of(row(high, "Same", "USD"), row(high, "\uD835\uDD38cme", "EUR"),
                row(low, "Same", "USD"), row(high, "Same", "EUR"), row(low, "\uFF21cme", "EUR"), row(low, "Zed", "EUR"),
                row(low, "apple", "EUR"), row(low, null, "EUR"));

        assertThat(SqlAging.inReportOrder(rows))
                .extracting(row -> row.customerName() + " " + row.customerId() + " " + row.currency())
                .containsExactly("Same " + low + " USD", "Same " + high + " EUR", "Same " + high + " USD",
                        "Zed " + low + " EUR", "apple " + low + " EUR", "\uFF21cme " + low + " EUR",
                        "\uD835\uDD38cme " + high + " EUR", "null " + low + " EUR");
    }

    @Property
    void namesCompareAsTheirCodePointsAndCustomersAsTheirBytes(@ForAll("names") String oneName,
            @ForAll("names") String otherName, @ForAll long oneHigh, @ForAll long oneLow, @ForAll long otherHigh,
            @ForAll long otherLow) {
        AgingRow one = row(new UUID(oneHigh, oneLow), oneName, "EUR");
        AgingRow other = row(new UUID(otherHigh, otherLow), otherName, "EUR");
        int byName = Arrays.compare(oneName.codePoints().toArray(), otherName.codePoints().toArray());
        int byId = Arrays.compareUnsigned(bytes(one.customerId()), bytes(other.customerId()));
        int expected = byName != 0 ? byName : byId;

        List<AgingRow> sorted = SqlAging.inReportOrder(List.of(one, other));

        if (expected != 0) {
            assertThat(sorted).containsExactly(expected < 0 ? one : other, expected < 0 ? other : one);
        }
        assertThat(SqlAging.inReportOrder(List.of(other, one))).isEqualTo(expected == 0 ? List.of(other, one) : sorted);
    }

    /** Names of letters below the surrogates, above them, and code points above U+FFFF (pairs of surrogates). */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "Z", "\uD7FF", "\uE000", "\uFF21", "\uFFFF", "\uD800\uDC00", "\uD835\uDD38",
                "\uDBFF\uDFFF").list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    private static AgingRow row(UUID customer, String name, String currency) {
        return new AgingRow(customer, name, currency, List.of(), Money.zero(currency));
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
