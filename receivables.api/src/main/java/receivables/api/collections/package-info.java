/**
 * Collections: dunning policies per tenant, the daily dunning run and its notices, disputes and promises to pay, the templates notices are written from.
 * 2.0: a dunning level's {@code creditHold} is a {@code Boolean}, off when left out; the schedule has no time zone
 * of its own: runs start in the tenant's; the print queue of notices that go by letter ({@link
 * receivables.api.collections.PrintQueue}).
 * 2.1: collectors: assignment rules ({@link receivables.api.collections.CollectorRules}) and their results
 * ({@link receivables.api.collections.CollectionWork#collectorReport}).
 * 2.2: a customer's collection timeline ({@link receivables.api.collections.CollectionWork#timeline}).
 * 3.0: the timeline shows disputes opened and resolved on the customer's invoices: a {@link
 * receivables.api.collections.TimelineEntry} names the invoice ({@code invoiceId}, {@code invoiceNumber}).
 * 3.0.1: a worklist entry's priority is weighed by the customer's risk score.
 */
@Export
@Version("3.0.1")
package receivables.api.collections;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
