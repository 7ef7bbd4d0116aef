package receivables.api.ui;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import receivables.api.people.Role;

/**
 * A screen a bundle contributes, registered as a service. The bundle serves the fragment's script itself
 * (e.g. through the servlet whiteboard's resources) at {@link #resourcePath()}.
 */
@ConsumerType
public interface UiFragment {

    /** Unique among all fragments, e.g. {@code bank.suspense-queue}. */
    String id();

    /** Where the shell places it, e.g. {@code payments}, {@code invoice.actions}. */
    String slot();

    String title();

    /** Path of the fragment's script, e.g. {@code /receivables/fragments/bank/suspense.js}. */
    String resourcePath();

    /** The feature a tenant must have enabled, e.g. {@code provider:wallet}; {@code null} when always shown. */
    String feature();

    /** The roles that see it: a caller sees it when they hold one of them. Empty: nobody sees it. */
    Set<Role> roles();
}
