package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/** The core's payments screen: recording payments, taking allocations back, applying credit, refunds and reversals. */
@Component(service = UiFragment.class)
public class PaymentsScreen extends CoreScreen {

    public PaymentsScreen() {
        super("payments", "Payments", Role.CLERK, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
