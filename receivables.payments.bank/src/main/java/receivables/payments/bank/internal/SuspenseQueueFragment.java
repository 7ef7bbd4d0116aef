package receivables.payments.bank.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The clerk's screen for statement lines matching could not place: the open suspense items with their
 * candidates, each to be matched to a candidate invoice (or a recognised customer) or dismissed with a
 * reason. Serves its own script, as {@link StatementUploadFragment} does.
 *
 * <p>The script is an ES module exporting {@code render(container, api)}: the shell hands it an empty element
 * and {@code api = { fetch(path, init) }}, which works as the browser's {@code fetch} for a path of this host
 * (e.g. {@code /api/v1/suspense-items}) with the tenant's credentials added, and resolves to the response.
 */
@Component(service = UiFragment.class)
@HttpWhiteboardResource(pattern = SuspenseQueueFragment.SCRIPT, prefix = "/fragments/bank/suspense.js")
public class SuspenseQueueFragment implements UiFragment {

    static final String SCRIPT = "/receivables/fragments/bank/suspense.js";

    @Override
    public String id() {
        return "bank.suspense-queue";
    }

    @Override
    public String slot() {
        return StatementUploadFragment.SLOT;
    }

    @Override
    public String title() {
        return "Suspense queue";
    }

    @Override
    public String resourcePath() {
        return SCRIPT;
    }

    @Override
    public String feature() {
        return StatementUploadFragment.FEATURE;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.CLERK, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
