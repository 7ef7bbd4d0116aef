package receivables.impl.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.money.Money;
import receivables.api.report.Aging;
import receivables.api.report.AgingBucket;
import receivables.api.report.AgingReport;
import receivables.api.report.AgingRow;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo command {@code receivables:aging <tenant> [<as of> [<buckets>]]}: the aging report as a table, a row per
 * customer and currency and the totals per currency, as of a day (today in UTC by default) with bucket limits such
 * as {@code 30,60,90} (the default).
 */
@Component(service = AgingCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=" + AgingCommand.FUNCTION })
public class AgingCommand {

    static final String FUNCTION = "aging";

    private final Aging aging;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public AgingCommand(@Reference Aging aging, @Reference TenantDirectory tenants) {
        this(aging, tenants, Clock.systemUTC());
    }

    AgingCommand(Aging aging, TenantDirectory tenants, Clock clock) {
        this.aging = aging;
        this.tenants = tenants;
        this.clock = clock;
    }

    public String aging(String tenant) {
        return AdminCommands.answer(FUNCTION, () -> table(AdminCommands.tenant(tenant, tenants.configuredTenants()),
                LocalDate.now(clock), Aging.DEFAULT_LIMITS));
    }

    public String aging(String tenant, String asOf) {
        return AdminCommands.answer(FUNCTION, () -> table(AdminCommands.tenant(tenant, tenants.configuredTenants()),
                AdminCommands.day("as of", asOf), Aging.DEFAULT_LIMITS));
    }

    public String aging(String tenant, String asOf, String buckets) {
        return AdminCommands.answer(FUNCTION, () -> table(AdminCommands.tenant(tenant, tenants.configuredTenants()),
                AdminCommands.day("as of", asOf), AdminCommands.ascendingDays("the buckets", buckets)));
    }

    private String table(TenantId tenant, LocalDate asOf, List<Integer> limits) {
        AgingReport report = aging.report(tenant, asOf, limits);
        String title = "aging of " + tenant.value() + " as of " + report.asOf();
        if (report.rows().isEmpty()) {
            return title + ": nothing is open";
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(Stream.concat(Stream.of("customer", "currency"),
                Stream.concat(report.buckets().stream().map(AgingBucket::label), Stream.of("total"))).toArray(String[]::new));
        report.rows().forEach(row -> lines.add(cells(row.customerName(), row)));
        report.totals().forEach(row -> lines.add(cells("TOTAL", row)));
        int[] widths = new int[lines.get(0).length];
        lines.forEach(cells -> {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        });
        StringBuilder table = new StringBuilder(title).append(':');
        for (String[] cells : lines) {
            table.append('\n');
            for (int i = 0; i < cells.length; i++) {
                // Names and currencies read from the left, amounts line up on the right.
                String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                table.append(i == 0 ? "" : "  ").append(String.format(format, cells[i]));
            }
        }
        return table.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String[] cells(String name, AgingRow row) {
        return Stream.concat(Stream.of(name == null ? "" : name, row.currency()),
                Stream.concat(row.buckets().stream(), Stream.of(row.total())).map(Money::amount)
                        .map(amount -> amount.toPlainString())).toArray(String[]::new);
    }
}
