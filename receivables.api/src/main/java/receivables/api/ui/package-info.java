/**
 * UI fragments: screens that bundles contribute to the web UI's shell. The core lists the fragments of the
 * features a tenant has enabled that the caller's roles see; the shell loads each from its resource path.
 */
@Export
@Version("3.0.0")
package receivables.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
