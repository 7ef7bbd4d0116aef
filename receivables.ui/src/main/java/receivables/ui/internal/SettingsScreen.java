package receivables.ui.internal;

import org.osgi.service.component.annotations.Component;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * The core's settings screen for tenant admins (auditors read it): the tenant's features and payment providers, its
 * users and its machine credentials.
 */
@Component(service = UiFragment.class)
public class SettingsScreen extends CoreScreen {

    public SettingsScreen() {
        super("settings", "Settings", Role.TENANT_ADMIN, Role.AUDITOR);
    }

    @Override
    public String slot() {
        return "settings";
    }
}
