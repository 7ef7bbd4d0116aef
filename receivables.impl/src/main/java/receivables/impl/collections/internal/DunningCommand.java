package receivables.impl.collections.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.collections.DunningNotice;
import receivables.api.collections.DunningRun;
import receivables.api.collections.DunningRuns;

/**
 * Gogo commands {@code receivables:dunningPreview <tenant> <date>} (what a run would send, changing nothing) and
 * {@code receivables:dunningRun <tenant> <date>} (the run of that day, done once).
 */
@Component(service = DunningCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=dunningPreview",
                "osgi.command.function=dunningRun" })
public class DunningCommand {

    private final DunningRuns runs;

    @Activate
    public DunningCommand(@Reference DunningRuns runs) {
        this.runs = runs;
    }

    public String dunningPreview(String tenant, String date) {
        if (!TenantId.isValid(tenant)) {
            return "not a tenant id: " + tenant;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return "not a date like 2026-01-31: " + date;
        }
        List<DunningNotice> notices = runs.preview(new TenantId(tenant), day);
        if (notices.isEmpty()) {
            return "no notice would go out on " + day;
        }
        return notices.stream().map(DunningCommand::line).collect(Collectors.joining("\n",
                notices.size() + " notice(s) would go out on " + day + ":\n", ""));
    }

    public String dunningRun(String tenant, String date) {
        if (!TenantId.isValid(tenant)) {
            return "not a tenant id: " + tenant;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return "not a date like 2026-01-31: " + date;
        }
        DunningRun run = runs.run(new TenantId(tenant), day);
        return "dunning run of " + run.date() + ": " + run.status() + ", " + run.notices() + " notice(s)";
    }

    private static String line(DunningNotice notice) {
        return "customer " + notice.customerId() + ": level " + notice.level() + ", " + notice.items().size()
                + " item(s), overdue " + notice.overdue().amount().toPlainString() + " " + notice.overdue().currency()
                + ", fee " + notice.fee().amount().toPlainString() + ", interest " + notice.interest().amount().toPlainString();
    }
}
