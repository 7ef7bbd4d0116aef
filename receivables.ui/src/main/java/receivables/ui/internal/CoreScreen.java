package receivables.ui.internal;

import java.util.EnumSet;
import java.util.Set;

import receivables.api.people.Role;
import receivables.api.ui.UiFragment;

/**
 * A screen of the core, listed in the fragment registry like any bundle's: the shell builds its navigation from
 * the registry alone. The scripts are served with the shell from {@code /receivables/fragments/core/}.
 */
abstract class CoreScreen implements UiFragment {

    static final String SLOT = "main";
    private static final String SCRIPTS = "/receivables/fragments/core/";

    private final String name;
    private final String title;
    private final Set<Role> roles;

    /** The screen's roles are those of the endpoints it cannot work without. */
    CoreScreen(String name, String title, Role first, Role... more) {
        this.name = name;
        this.title = title;
        this.roles = Set.copyOf(EnumSet.of(first, more));
    }

    @Override
    public String id() {
        return "core." + name;
    }

    @Override
    public String slot() {
        return SLOT;
    }

    /** The English title; the shell shows the one of the script's messages in the language chosen. */
    @Override
    public String title() {
        return title;
    }

    @Override
    public String resourcePath() {
        return SCRIPTS + name + ".js";
    }

    @Override
    public String feature() {
        return null;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
