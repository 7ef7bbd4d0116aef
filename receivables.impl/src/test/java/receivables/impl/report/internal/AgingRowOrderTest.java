package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;

import receivables.api.money.Money;
import receivables.api.report.AgingRow;

/** The aging report's rows are sorted in Java, in the order PostgreSQL's C collation gave them when it sorted them. */
class AgingRowOrderTest {

    @Test
    void namesByCodePointThenCustomersByTheirUnsignedBytesThenCurrency() {
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        // U+FF21 (fullwidth A) is one UTF-16 unit above the high surrogate that starts U+1D538, below it by code point.
        List<AgingRow> rows = new ArrayList<>(List.of(row(high, "Same", "USD"), row(high, "\uD835\uDD38cme", "EUR"),
                row(low, "Same", "USD"), row(high, "Same", "EUR"), row(low, "\uFF21cme", "EUR"), row(low, "Zed", "EUR"),
                row(low, "apple", "EUR")));

        rows.sort(SqlAging.ROW_ORDER);

        assertThat(rows).extracting(row -> row.customerName() + " " + row.customerId() + " " + row.currency())
                .containsExactly("Same " + low + " USD", "Same " + high + " EUR", "Same " + high + " USD",
                        "Zed " + low + " EUR", "apple " + low + " EUR", "\uFF21cme " + low + " EUR",
                        "\uD835\uDD38cme " + high + " EUR");
    }

    /** Names from a few letters, both halves of a surrogate pair and letters above them, alone and paired. */
    @Property
    void namesCompareAsTheirCodePointsAndCustomersAsTheirBytes(@ForAll @Chars({ 'a', 'Z', '\uD835', '\uDD38', '\uE000',
            '\uFF21' }) String oneName, @ForAll @Chars({ 'a', 'Z', '\uD835', '\uDD38', '\uE000', '\uFF21' }) String otherName,
            @ForAll long oneHigh, @ForAll long oneLow, @ForAll long otherHigh, @ForAll long otherLow) {
        UUID one = new UUID(oneHigh, oneLow);
        UUID other = new UUID(otherHigh, otherLow);
        int byName = Integer.signum(Arrays.compare(oneName.codePoints().toArray(), otherName.codePoints().toArray()));
        int byId = Integer.signum(Arrays.compareUnsigned(bytes(one), bytes(other)));
        Comparator<AgingRow> order = SqlAging.ROW_ORDER;

        int compared = Integer.signum(order.compare(row(one, oneName, "EUR"), row(other, otherName, "EUR")));

        assertThat(compared).isEqualTo(byName != 0 ? byName : byId);
    }

    private static AgingRow row(UUID customer, String name, String currency) {
        return new AgingRow(customer, name, currency, List.of(), Money.zero(currency));
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
