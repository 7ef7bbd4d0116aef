package receivables.impl.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.AuditTrail;
import receivables.api.audit.ChainVerification;
import receivables.impl.tenant.internal.TestTenants;

class AuditCommandTest {

    private final List<TenantId> verified = new ArrayList<>();

    /** A trail whose chain of "broken" is broken at record 7 and intact elsewhere. */
    private final AuditTrail trail = new AuditTrail() {

        @Override
        public Page<AuditRecord> find(TenantId tenant, AuditQuery query, PageRequest page) {
            throw new UnsupportedOperationException("the command reads no records");
        }

        @Override
        public void forEach(TenantId tenant, AuditQuery query, Consumer<AuditRecord> action) {
            throw new UnsupportedOperationException("the command reads no records");
        }

        @Override
        public ChainVerification verify(TenantId tenant) {
            verified.add(tenant);
            return tenant.value().equals("broken") ? new ChainVerification(false, 7, 7L, "record 7 was changed")
                    : new ChainVerification(true, 12, null, null);
        }
    };

    @Test
    void saysWhetherTheChainIsIntactOrWhereItBreaks() {
        AuditCommand command = new AuditCommand(trail, TestTenants.withFeatures(new TenantId("acme")));
        assertThat(command.auditVerify("acme")).isEqualTo("audit trail of acme intact: 12 records");
        AuditCommand broken = new AuditCommand(trail, TestTenants.withFeatures(new TenantId("broken")));
        assertThat(broken.auditVerify("broken")).isEqualTo("audit trail of broken BROKEN at record 7: record 7 was changed");
    }

    @Test
    void aBadTenantIsASentenceAndVerifiesNothing() {
        AuditCommand command = new AuditCommand(trail, TestTenants.withFeatures(new TenantId("acme")));
        assertThat(command.auditVerify("../x"))
                .isEqualTo("receivables:auditVerify: not a tenant id: '../x' (lower-case letters, digits, '-' and '_')");
        assertThat(command.auditVerify("other")).startsWith("receivables:auditVerify: no tenant 'other' is configured");
        assertThat(verified).isEmpty();
    }
}
