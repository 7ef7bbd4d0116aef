package receivables.impl.collections.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRuns;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo commands {@code receivables:dunningPreview <tenant> <date>} (what a run would send, changing nothing) and
 * {@code receivables:dunningRun <tenant> <date>} (the run of that day, done once).
 */
@Component(service = DunningCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=dunningPreview",
                "osgi.command.function=dunningRun" })
public class DunningCommand {

    private final DunningRuns runs;
    private final TenantDirectory tenants;

    @Activate
    public DunningCommand(@Reference DunningRuns runs, @Reference TenantDirectory tenants) {
        this.runs = runs;
        this.tenants = tenants;
    }

    public String dunningPreview(String tenant, String date) {
        return AdminCommands.answer("dunningPreview", () -> {
            TenantId id = AdminCommands.tenant(tenant, tenants.configuredTenants());
            LocalDate day = AdminCommands.day("the date", date);
            List<DunningNotice> notices = runs.preview(id, day);
            if (notices.isEmpty()) {
                return "no notice would go out on " + day;
            }
            return notices.stream().map(DunningCommand::line).collect(Collectors.joining("\n",
                    notices.size() + " notice(s) would go out on " + day + ":\n", ""));
        });
    }

    public String dunningRun(String tenant, String date) {
        return AdminCommands.answer("dunningRun", () -> {
            TenantId id = AdminCommands.tenant(tenant, tenants.configuredTenants());
            DunningRun run = runs.run(id, AdminCommands.day("the date", date));
            return "dunning run of " + run.date() + ": " + run.status() + ", " + run.notices() + " notice(s)";
        });
    }

    private static String line(DunningNotice notice) {
        return "customer " + notice.customerId() + ": level " + notice.level() + ", " + notice.items().size()
                + " item(s), overdue " + notice.overdue().amount().toPlainString() + " " + notice.overdue().currency()
                + ", fee " + notice.fee().amount().toPlainString() + ", interest " + notice.interest().amount().toPlainString();
    }
}
