package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/** The core's collections screen: the worklist of customers with overdue items, most urgent first. */
@Component(service = UiFragment.class)
public class CollectionsScreen extends CoreScreen {

    public CollectionsScreen() {
        super("collections", "Collections", Role.COLLECTOR, Role.CLERK, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
