package receivables.impl.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.DatabaseStatus;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * {@code GET /api/v1/health}: open to anyone, for load balancers and admins. 200 when every receivables
 * bundle is active, every component of ours has what it needs and has been given every configuration
 * ConfigurationAdmin holds for it (a tenant whose configuration is not yet applied would refuse its own key),
 * every REST resource of ours is served and the database answers; 503 otherwise. Without credentials it says only UP or DOWN; a caller with a tenant's
 * key gets the report (framework, bundles, database, and the problems, of the host and of the tenant's own
 * provider accounts), which never carries a stack trace. A tenant's unusable provider account is listed but
 * does not make the host DOWN: only that account is off.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path(HealthResource.PATH)
@CredentialsOptional
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    static final String PATH = "health";
    static final String BUNDLE_PREFIX = "receivables.";
    static final String DATABASE_PID = "receivables.database";
    /** {@link ComponentDescriptionDTO#configurationPolicy} of a component that takes no configuration. */
    static final String POLICY_IGNORE = "ignore";
    private static final Pattern THROWABLE_PREFIX = Pattern.compile("^([\\w$]+\\.)*[\\w$]*(Exception|Error|Throwable)(: )?");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Database database;

    @Reference
    ServiceComponentRuntime components;

    @Reference
    JakartarsServiceRuntime restRuntime;

    @Reference
    ProviderDirectory providers;

    @Reference
    ConfigurationAdmin configurations;

    @Reference
    TenantDirectory tenants;

    private BundleContext context;

    /** All that a caller without credentials learns. */
    public record Verdict(String status) {
    }

    public record Report(String status, Framework framework, List<BundleState> bundles, List<String> problems,
            DatabaseReport database) {
    }

    public record Framework(String vendor, String version, String state) {
    }

    public record BundleState(String symbolicName, String version, String state) {
    }

    public record DatabaseReport(String status, String product, String url, String schemaVersion, String detail) {
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @GET
    @Answers(value = 200, body = HealthResource.Report.class)
    public Response health(@Context ContainerRequestContext request) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        List<BundleState> bundles = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .map(bundle -> new BundleState(bundle.getSymbolicName(), bundle.getVersion().toString(), stateOf(bundle)))
                .toList();
        Database current = database;
        DatabaseStatus db = current != null ? current.status()
                : new DatabaseStatus(false, null, null, null, "no configuration " + DATABASE_PID + " exists yet");
        List<String> problems = new ArrayList<>();
        problems.addAll(componentProblems());
        problems.addAll(unservedResources());
        problems.addAll(tenants.problems());
        boolean up = system.getState() == Bundle.ACTIVE
                && bundles.stream().allMatch(bundle -> bundle.state().equals("ACTIVE") || bundle.state().equals("FRAGMENT"))
                && problems.isEmpty()
                && db.up();
        String status = up ? "UP" : "DOWN";
        Optional<TenantId> caller = TenantFilter.authenticatedTenant(request);
        if (caller.isEmpty()) {
            return Response.status(up ? 200 : 503).entity(new Verdict(status)).build();
        }
        problems.addAll(providers.problems(caller.get()));
        Report report = new Report(status,
                new Framework(system.getSymbolicName(), system.getVersion().toString(), stateOf(system)),
                bundles, problems,
                new DatabaseReport(db.up() ? "UP" : "DOWN", db.product(), db.url(), db.schemaVersion(), db.detail()));
        return Response.status(up ? 200 : 503).entity(report).build();
    }

    /**
     * Components of ours that cannot work: a missing service, a failed activation, or a configuration they
     * have not been given yet.
     */
    private List<String> componentProblems() {
        Map<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> ours = new LinkedHashMap<>();
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (description.bundle.symbolicName.startsWith(BUNDLE_PREFIX) && components.isComponentEnabled(description)) {
                ours.put(description, components.getComponentConfigurationDTOs(description));
            }
        }
        List<String> problems = new ArrayList<>();
        ours.forEach((description, configurations) -> {
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    problems.add("component " + description.name + " waits for "
                            + Arrays.stream(configuration.unsatisfiedReferences).map(reference -> reference.name).toList());
                } else if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + description.name + " failed to activate: " + reason(configuration.failure));
                }
            }
        });
        try {
            problems.addAll(unappliedConfigurations(heldConfigurations(), ours));
        } catch (IOException e) {
            problems.add("ConfigurationAdmin cannot list its configurations: " + e.getMessage());
        }
        return problems;
    }

    /** A configuration as ConfigurationAdmin holds it: its pid and, for one of a factory's, the factory's pid. */
    record HeldConfiguration(String pid, String factoryPid) {
    }

    private List<HeldConfiguration> heldConfigurations() throws IOException {
        try {
            Configuration[] held = configurations.listConfigurations(null);
            return held == null ? List.of() : Arrays.stream(held)
                    .map(configuration -> new HeldConfiguration(configuration.getPid(), configuration.getFactoryPid()))
                    .toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter is given", e);
        }
    }

    /**
     * The configurations held for components of ours that no component configuration has taken yet.
     * ConfigurationAdmin hands configurations to the components one after the other on a single thread, so
     * a tenant's configuration read from {@code etc/} can arrive seconds after the database's, which keeps that
     * thread while it migrates: until then the tenant does not exist for the REST API.
     */
    static List<String> unappliedConfigurations(Collection<HeldConfiguration> held,
            Map<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> ours) {
        Set<String> wanted = new HashSet<>();
        Set<String> applied = new HashSet<>();
        ours.forEach((description, configurations) -> {
            if (!POLICY_IGNORE.equals(description.configurationPolicy)) {
                wanted.addAll(Arrays.asList(description.configurationPid));
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                applied.addAll(pids(configuration.properties.get(Constants.SERVICE_PID)));
            }
        });
        List<String> problems = new ArrayList<>();
        for (HeldConfiguration configuration : held) {
            String component = configuration.factoryPid() != null ? configuration.factoryPid() : configuration.pid();
            if (wanted.contains(component) && !applied.contains(configuration.pid())) {
                problems.add("configuration " + configuration.pid() + " is not applied yet");
            }
        }
        return problems;
    }

    /** {@code service.pid} of a component configuration: one pid, or one per configuration it merges. */
    private static List<String> pids(Object pid) {
        if (pid instanceof String one) {
            return List.of(one);
        }
        if (pid instanceof String[] several) {
            return Arrays.asList(several);
        }
        if (pid instanceof Collection<?> several) {
            return several.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /**
     * Resources of ours that the REST whiteboard does not serve yet (it adds them to the application a
     * moment after they register) or refused.
     */
    private List<String> unservedResources() {
        Set<Long> served = new HashSet<>();
        for (ApplicationDTO application : restRuntime.getRuntimeDTO().applicationDTOs) {
            if (RestApplication.NAME.equals(application.name)) {
                Arrays.stream(application.resourceDTOs).forEach(resource -> served.add(resource.serviceId));
            }
        }
        List<String> problems = new ArrayList<>();
        try {
            ServiceReference<?>[] resources = context.getServiceReferences((String) null,
                    "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)");
            for (ServiceReference<?> resource : resources == null ? new ServiceReference<?>[0] : resources) {
                String owner = resource.getBundle() == null ? "" : resource.getBundle().getSymbolicName();
                long id = (Long) resource.getProperty(Constants.SERVICE_ID);
                if (owner.startsWith(BUNDLE_PREFIX) && !served.contains(id)) {
                    problems.add("REST resource " + String.join(",", (String[]) resource.getProperty(Constants.OBJECTCLASS))
                            + " is not served yet");
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the resource filter is constant and valid", e);
        }
        return problems;
    }

    /** The message of a component's failure: its first line, without the exception's class or the stack trace. */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "no reason given";
        }
        String first = failure.strip().lines().findFirst().orElse("");
        String message = THROWABLE_PREFIX.matcher(first).replaceFirst("").strip();
        return message.isEmpty() ? "no reason given" : message;
    }

    private static String stateOf(Bundle bundle) {
        if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return "FRAGMENT";
        }
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
