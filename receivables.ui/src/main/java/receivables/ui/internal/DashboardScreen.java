package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/** The core's dashboard screen: open and overdue totals per currency, the aging chart, the most overdue customers and live alerts. */
@Component(service = UiFragment.class)
public class DashboardScreen extends CoreScreen {

    public DashboardScreen() {
        super("dashboard", "Dashboard", Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
