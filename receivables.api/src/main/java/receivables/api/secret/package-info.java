/**
 * Secrets a bundle keeps in its own configuration, sealed at rest by the host's key ({@link
 * receivables.api.secret.ConfigurationSecrets}).
 */
@Export
@Version("1.0.0")
package receivables.api.secret;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
