package receivables.impl.user.internal;

import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Leases;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Deletes, for every tenant every {@code cleanupIntervalSeconds}, the sessions that ended and the sign-in bookkeeping
 * of user names nobody tries any more, so that neither grows with time nor with guessed names. One node at a time
 * does a tenant's round, under its lease; a round on two nodes would do no harm, only the work twice.
 */
@Component(service = SignInCleanup.class, configurationPid = SignInConfiguration.PID, immediate = true)
public class SignInCleanup {

    static final String WORK = "sign-in-cleanup";
    private static final Logger LOG = LoggerFactory.getLogger(SignInCleanup.class);

    private final SignIns signIns;
    private final TenantDirectory tenants;
    private final Leases leases;
    private final ScheduledExecutorService schedule;

    @Activate
    public SignInCleanup(@Reference SignIns signIns, @Reference TenantDirectory tenants, @Reference Leases leases,
            SignInConfiguration config) {
        this.signIns = signIns;
        this.tenants = tenants;
        this.leases = leases;
        this.schedule = BackgroundThreads.every("receivables-" + WORK, config.cleanupIntervalSeconds(), this::sweep);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(schedule);
    }

    /** One round over every enabled tenant; a tenant whose round fails does not stop the others. */
    void sweep() {
        leases.eachTenant(tenants.enabledTenants(), WORK, tenant -> {
            SignIns.Forgotten forgotten = signIns.forgetExpired(tenant);
            if (forgotten.sessions() + forgotten.signInStates() > 0) {
                LOG.debug("Tenant {}: deleted {} ended sessions and the bookkeeping of {} untried user names", tenant,
                        forgotten.sessions(), forgotten.signInStates());
            }
        });
    }
}
