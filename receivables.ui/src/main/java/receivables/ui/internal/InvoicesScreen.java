package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/** The core's invoices screen: the filtered list, drafts, issuing, credit notes and write-offs. */
@Component(service = UiFragment.class)
public class InvoicesScreen extends CoreScreen {

    public InvoicesScreen() {
        super("invoices", "Invoices", Role.CLERK, Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
