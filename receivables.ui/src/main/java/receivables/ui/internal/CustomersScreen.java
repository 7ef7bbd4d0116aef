package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/** The core's customers screen: search, create, and a customer's credit check, open items and statement. */
@Component(service = UiFragment.class)
public class CustomersScreen extends CoreScreen {

    public CustomersScreen() {
        super("customers", "Customers", Role.CLERK, Role.COLLECTOR, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
