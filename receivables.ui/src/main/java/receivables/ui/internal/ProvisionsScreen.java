package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The core's IFRS 9 provisions screen: the provision matrix as of a day, the provisions posted and the
 * forward-looking adjustments; finance managers post and adjust there, auditors read.
 */
@Component(service = UiFragment.class)
public class ProvisionsScreen extends CoreScreen {

    public ProvisionsScreen() {
        super("provisions", "Provisions", Role.FINANCE_MANAGER, Role.AUDITOR);
    }
}
