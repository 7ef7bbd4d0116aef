package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The core's payment intents screen: starting a payment with a provider and showing its instructions. Collectors
 * start them for the customers assigned to them.
 */
@Component(service = UiFragment.class)
public class PaymentIntentsScreen extends CoreScreen {

    public PaymentIntentsScreen() {
        super("intents", "Payment intents", Role.CLERK, Role.COLLECTOR, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
