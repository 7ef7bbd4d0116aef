/**
 * Host ports: what the host platform plugs into receivables: where confirmed orders come from
 * ({@link receivables.api.host.OrderSource}) and where journal entries go ({@link receivables.api.host.JournalSink}).
 * Inventory and other reactions follow the Event Admin events of {@link receivables.api.EventTopics}.
 */
@Export
@Version("1.1.0")
package receivables.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
