/**
 * People and machines that act for a tenant: the {@link receivables.api.people.Role roles} that grant them
 * rights, the {@link receivables.api.people.Caller caller} a request acts as once authenticated, and the
 * host port {@link receivables.api.people.CallerAuthentication} through which a platform authenticates
 * requests its own way (its single sign-on, a gateway's headers, client certificates); and the tenant's
 * {@link receivables.api.people.MachineCredentials machine credentials}; the built-in
 * {@link receivables.api.people.Users users} of the standalone host.
 */
@Export
@Version("1.3.0")
package receivables.api.people;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
