/**
 * The history of another receivables system brought into this one: its customers, its invoices with their own
 * issue, due and paid dates, and its payments, so that reports and models see that history as if it had
 * happened here. {@link receivables.api.history.HistoryImports} checks a file whole before it stores anything,
 * stores it in the background, and journals what is still open as opening balances.
 */
@Export
@Version("1.0.0")
package receivables.api.history;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
