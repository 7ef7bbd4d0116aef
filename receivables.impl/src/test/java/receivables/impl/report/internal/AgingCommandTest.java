package receivables.impl.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.Aging;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.tenant.internal.TestTenants;

class AgingCommandTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Clock MARCH_31 = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);

    private final List<String> asked = new ArrayList<>();

    /** Answers a report of two customers in two currencies and records what it was asked. */
    private final Aging aging = (tenant, asOf, limits) -> {
        asked.add(tenant.value() + " " + asOf + " " + limits);
        List<AgingBucket> buckets = List.of(new AgingBucket("current", null, 0), new AgingBucket("1-30", 1, 30),
                new AgingBucket("over 30", 31, null));
        return new AgingReport(asOf, buckets,
                List.of(row("Acme GmbH", "EUR", "100.00", "0.00", "1250.50"), row("北京贸易", "CNY", "0.00", "88.00", "0.00")),
                List.of(row(null, "CNY", "0.00", "88.00", "0.00"), row(null, "EUR", "100.00", "0.00", "1250.50")));
    };

    private final AgingCommand command = new AgingCommand(aging, TestTenants.withFeatures(ACME), MARCH_31);

    @Test
    void printsTheReportAsATableWithTotalsPerCurrency() {
        assertThat(command.aging("acme", "2026-03-31", "30")).isEqualTo("""
                aging of acme as of 2026-03-31:
                customer   currency  current   1-30  over 30    total
                Acme GmbH  EUR        100.00   0.00  1250.50  1350.50
                北京贸易       CNY          0.00  88.00     0.00    88.00
                TOTAL      CNY          0.00  88.00     0.00    88.00
                TOTAL      EUR        100.00   0.00  1250.50  1350.50""");
        assertThat(asked).containsExactly("acme 2026-03-31 [30]");
    }

    @Test
    void takesTodayAndTheDefaultBucketsWhenNotGiven() {
        command.aging("acme");
        command.aging("acme", "2026-01-15");
        assertThat(asked).containsExactly("acme 2026-03-31 [30, 60, 90]", "acme 2026-01-15 [30, 60, 90]");
    }

    @Test
    void saysSoWhenNothingIsOpen() {
        AgingCommand empty = new AgingCommand((tenant, asOf, limits) -> new AgingReport(asOf, List.of(), List.of(),
                List.of()), TestTenants.withFeatures(ACME), MARCH_31);
        assertThat(empty.aging("acme")).isEqualTo("aging of acme as of 2026-03-31: nothing is open");
    }

    @Test
    void aBadArgumentIsASentenceAndAsksNothing() {
        assertThat(command.aging("ACME")).startsWith("receivables:aging: not a tenant id: 'ACME'");
        assertThat(command.aging("other")).isEqualTo(
                "receivables:aging: no tenant 'other' is configured (receivables:tenants lists them)");
        assertThat(command.aging("acme", "31.03.2026"))
                .isEqualTo("receivables:aging: as of is not a day like 2026-01-31: '31.03.2026'");
        assertThat(command.aging("acme", "2026-03-31", "90,30")).startsWith(
                "receivables:aging: the buckets must be ascending days above zero");
        assertThat(asked).isEmpty();
    }

    private static AgingRow row(String name, String currency, String... amounts) {
        List<Money> buckets = java.util.Arrays.stream(amounts).map(amount -> new Money(new BigDecimal(amount), currency))
                .toList();
        BigDecimal total = buckets.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AgingRow(name == null ? null : UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                name, currency, buckets, new Money(total, currency));
    }
}
