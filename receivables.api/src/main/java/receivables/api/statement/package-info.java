/**
 * Bank statements as a stream: a {@link receivables.api.statement.StatementFormat} reads one file
 * format (camt.053, camt.054, MT940, ...) and hands each statement's header and its lines to a
 * {@link receivables.api.statement.StatementSink}, one at a time, so that a file of any size is read
 * in constant memory. {@link receivables.api.statement.StatementImports} imports such files and matches
 * their lines to open invoices (by {@link receivables.api.statement.CreditorReference}, invoice number,
 * amount and payer); what it cannot place waits in the {@link receivables.api.statement.SuspenseQueue}.
 */
@Export
@Version("1.2.0")
package receivables.api.statement;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
