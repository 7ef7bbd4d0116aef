package receivables.impl.tenant.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code receivables:tenants}: every configured tenant, enabled or not, with its name and the features
 * switched on for it.
 */
@Component(service = TenantsCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=tenants" })
public class TenantsCommand {

    private final TenantDirectory directory;

    @Activate
    public TenantsCommand(@Reference TenantDirectory directory) {
        this.directory = directory;
    }

    public String tenants() {
        List<TenantDirectory.Listed> tenants = directory.listed();
        if (tenants.isEmpty()) {
            return "no tenant is configured (receivables.tenant-<id> configurations in etc/ or the web console)";
        }
        int idWidth = tenants.stream().mapToInt(tenant -> tenant.id().value().length()).max().orElse(0);
        int nameWidth = tenants.stream().mapToInt(tenant -> tenant.name().length()).max().orElse(0);
        return tenants.stream()
                .map(tenant -> String.format("%-" + idWidth + "s  %-" + nameWidth + "s  %-8s  features: %s",
                        tenant.id().value(), tenant.name(), tenant.enabled() ? "enabled" : "disabled",
                        tenant.features().isEmpty() ? "none" : String.join(", ", tenant.features())))
                .collect(Collectors.joining("\n", tenants.size() + " tenant(s):\n", ""));
    }
}
