package receivables.impl.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Application;

/**
 * The receivables REST API under {@code /api/v1}, an application of its own so that it never mixes with
 * the host's resources. It waits for our JSON provider and problem mapper, so no request is ever
 * answered without them.
 */
@Component(service = Application.class)
@JakartarsApplicationBase(RestApplication.BASE)
@JakartarsName(RestApplication.NAME)
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + JsonBodies.NAME + ")",
        "(osgi.jakartars.name=" + ProblemResponses.NAME + ")" })
public class RestApplication extends Application {

    public static final String NAME = "receivables";
    public static final String BASE = "api/v1";
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
