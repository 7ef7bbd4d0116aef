package receivables.impl.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of the resources the REST whiteboard serves in our
 * application at this moment, so that a resource another bundle adds is described while it is there. Open to anyone,
 * like the README that says the same: the contract names no tenant's data, and client generators and API gateways
 * fetch it before they hold a key.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestApplication.SELECT)
@Path("openapi.json")
@CredentialsOptional
public class OpenApiResource {

    private final JakartarsServiceRuntime restRuntime;
    private final BundleContext context;
    private final OpenApiDocument document = new OpenApiDocument(JsonBodies.mapper());

    @Activate
    public OpenApiResource(@Reference JakartarsServiceRuntime restRuntime, BundleContext context) {
        this.restRuntime = restRuntime;
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode describe() {
        return document.describe(context.getBundle().getVersion().toString(), servedResources());
    }

    /** The classes of the resources the whiteboard serves in the receivables application. */
    private List<Class<?>> servedResources() {
        List<Class<?>> classes = new ArrayList<>();
        for (ApplicationDTO application : restRuntime.getRuntimeDTO().applicationDTOs) {
            if (RestApplication.NAME.equals(application.name)) {
                for (ResourceDTO resource : application.resourceDTOs) {
                    classOf(resource.serviceId).filter(type -> !classes.contains(type)).ifPresent(classes::add);
                }
            }
        }
        return classes;
    }

    /** The implementation class of a service, which may be gone by now. */
    private Optional<Class<?>> classOf(long serviceId) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            ServiceReference<?> reference = references == null ? null : references[0];
            ServiceObjects<?> objects = reference == null ? null : context.getServiceObjects(reference);
            return Optional.ofNullable(objects).flatMap(OpenApiResource::implementation);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter names a service id", e);
        }
    }

    private static <S> Optional<Class<?>> implementation(ServiceObjects<S> objects) {
        S service = objects.getService();
        if (service == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(service.getClass());
        } finally {
            objects.ungetService(service);
        }
    }
}
