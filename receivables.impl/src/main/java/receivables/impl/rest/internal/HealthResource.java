package receivables.impl.rest.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.DatabaseStatus;

/**
 * {@code GET /api/v1/health}: open to anyone, for load balancers and admins. 200 when every receivables
 * bundle is active and the database answers, 503 with the same report otherwise.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path(HealthResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    static final String PATH = "health";
    static final String BUNDLE_PREFIX = "receivables.";

    @Reference
    Database database;

    private BundleContext context;

    public record Report(String status, Framework framework, List<BundleState> bundles, DatabaseReport database) {
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
    public Response health() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        List<BundleState> bundles = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .map(bundle -> new BundleState(bundle.getSymbolicName(), bundle.getVersion().toString(), stateOf(bundle)))
                .toList();
        DatabaseStatus db = database.status();
        boolean up = system.getState() == Bundle.ACTIVE
                && bundles.stream().allMatch(bundle -> bundle.state().equals("ACTIVE") || bundle.state().equals("FRAGMENT"))
                && db.up();
        Report report = new Report(up ? "UP" : "DOWN",
                new Framework(system.getSymbolicName(), system.getVersion().toString(), stateOf(system)),
                bundles,
                new DatabaseReport(db.up() ? "UP" : "DOWN", db.product(), db.url(), db.schemaVersion(), db.detail()));
        return Response.status(up ? 200 : 503).entity(report).build();
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
