/**
 * Collections: dunning policies per tenant, the daily dunning run and its notices, disputes and promises to pay, the templates notices are written from.
 * 2.0: a dunning level's {@code creditHold} is a {@code Boolean}, off when left out; the schedule has no time zone
 * of its own: runs start in the tenant's; the print queue of notices that go by letter ({@link
 * receivables.api.collections.PrintQueue}).
 */
@Export
@Version("2.0.0")
package receivables.api.collections;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
