/**
 * Four eyes where money leaves the books: bad-debt write-offs and credit notes above the tenant's threshold, and
 * raises of a customer's credit limit, wait as {@link receivables.api.approval.ApprovalRequest approval requests}
 * until a second person approves or rejects them through {@link receivables.api.approval.Approvals}.
 */
@Export
@Version("1.0.0")
package receivables.api.approval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
