package receivables.impl.audit.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.TenantId;
import receivables.api.audit.AuditTrail;
import receivables.api.audit.ChainVerification;
import receivables.impl.console.internal.AdminCommands;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Gogo command {@code receivables:auditVerify <tenant>}: walks the tenant's audit chain and says whether it is
 * intact or which record is the first that does not verify.
 */
@Component(service = AuditCommand.class,
        property = { "osgi.command.scope=receivables", "osgi.command.function=auditVerify" })
public class AuditCommand {

    private final AuditTrail trail;
    private final TenantDirectory tenants;

    @Activate
    public AuditCommand(@Reference AuditTrail trail, @Reference TenantDirectory tenants) {
        this.trail = trail;
        this.tenants = tenants;
    }

    public String auditVerify(String tenant) {
        return AdminCommands.answer("auditVerify", () -> {
            TenantId id = AdminCommands.tenant(tenant, tenants.configuredTenants());
            ChainVerification verification = trail.verify(id);
            return verification.intact()
                    ? "audit trail of " + tenant + " intact: " + verification.recordsChecked() + " records"
                    : "audit trail of " + tenant + " BROKEN at record " + verification.firstBrokenSequence() + ": "
                            + verification.problem();
        });
    }
}
