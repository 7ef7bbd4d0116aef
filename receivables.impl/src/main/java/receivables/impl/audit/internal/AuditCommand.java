package receivables.impl.audit.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.audit.AuditTrail;
import receivables.api.audit.ChainVerification;

/**
 * Gogo command {@code receivables:audit-verify <tenant>}: checks the tenant's audit chain and says whether it is
 * intact or which record is the first that does not verify.
 */
@Component(service = AuditCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=auditVerify" })
public class AuditCommand {

    @Reference
    AuditTrail trail;

    public String auditVerify(String tenant) {
        if (!TenantId.isValid(tenant)) {
            return "not a tenant id: " + tenant;
        }
        ChainVerification verification = trail.verify(new TenantId(tenant));
        return verification.intact()
                ? "audit trail of " + tenant + " intact: " + verification.recordsChecked() + " records"
                : "audit trail of " + tenant + " BROKEN at record " + verification.firstBrokenSequence() + ": "
                        + verification.problem();
    }
}
