package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the web UI's static shell at {@code /receivables/}. The shell holds no data of its own: every
 * screen reads and writes through the REST API with the tenant and key the user enters.
 */
@Component(service = UiShell.class)
@HttpWhiteboardResource(pattern = UiShell.PATTERN, prefix = "/static")
public class UiShell {

    static final String PATTERN = "/receivables/*";
}
