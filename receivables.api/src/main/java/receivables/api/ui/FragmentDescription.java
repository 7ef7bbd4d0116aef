package receivables.api.ui;

import java.util.EnumSet;
import java.util.Set;

import receivables.api.people.Role;

/** A fragment as the registry lists it, with the roles that see it. */
public record FragmentDescription(String id, String slot, String title, String resourcePath, String feature,
        Set<Role> roles) {

    public FragmentDescription {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static FragmentDescription of(UiFragment fragment) {
        return new FragmentDescription(fragment.id(), fragment.slot(), fragment.title(), fragment.resourcePath(),
                fragment.feature(), fragment.roles());
    }
}
