package receivables.bench.bare;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers with the Jakarta REST whiteboard the resource its bundle's {@value #RESOURCE_HEADER} header names:
 * {@code health} ({@link HealthResource}) or {@code deployed} ({@link DeployedResource}).
 */
public final class ResourceActivator implements BundleActivator {

    public static final String RESOURCE_HEADER = "Bench-Resource";

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        String resource = context.getBundle().getHeaders().get(RESOURCE_HEADER);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jakartars.resource", Boolean.TRUE);
        registration = switch (resource) {
            case "health" -> context.registerService(HealthResource.class, new HealthResource(), properties);
            case "deployed" -> context.registerService(DeployedResource.class, new DeployedResource(), properties);
            default -> throw new IllegalStateException(RESOURCE_HEADER + " names no resource: " + resource);
        };
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
