package receivables.payments.paylink.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The payment page link of a pay-by-link intent, in the web UI where the shell shows payment instructions, for
 * tenants with a paylink account. The same service carries the whiteboard resource that serves its script from
 * this bundle, so the screen is listed exactly while its script is served: deploying the bundle adds it, removing
 * the bundle takes it away.
 */
@Component(service = UiFragment.class)
@HttpWhiteboardResource(pattern = PayLinkFragment.SCRIPT, prefix = "/fragments/paylink/link.js")
public class PayLinkFragment implements UiFragment {

    static final String SCRIPT = "/receivables/fragments/paylink/link.js";

    @Override
    public String id() {
        return "paylink.link";
    }

    @Override
    public String slot() {
        return "payment.instructions";
    }

    @Override
    public String title() {
        return "Pay by link";
    }

    @Override
    public String resourcePath() {
        return SCRIPT;
    }

    @Override
    public String feature() {
        return "provider:paylink";
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.CLERK, Role.COLLECTOR, Role.FINANCE_MANAGER);
    }
}
