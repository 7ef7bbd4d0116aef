/**
 * Webhooks: integrators subscribe a URL of theirs to the tenant's business events ({@link receivables.api.EventTopics})
 * and receive each one signed the Standard Webhooks way, at least once, with a delivery log and replay.
 */
@Export
@Version("1.0.0")
package receivables.api.webhook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
