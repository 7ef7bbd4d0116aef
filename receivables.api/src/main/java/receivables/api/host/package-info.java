/**
 * Host ports: what the host platform plugs into receivables, such as where confirmed orders come from.
 */
@Export
@Version("1.0.0")
package receivables.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
