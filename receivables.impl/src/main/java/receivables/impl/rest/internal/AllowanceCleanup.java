package receivables.impl.rest.internal;

import java.time.Duration;
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
 * Deletes the request allowances that have filled up again (a full bucket is the same as none), so that
 * {@code request_allowance} grows neither with time nor with the addresses and provider names hostile clients send:
 * every minute, each tenant's under its lease, then the per-address ones, which a second node deleting too would
 * only do twice.
 */
@Component(service = AllowanceCleanup.class, immediate = true)
public class AllowanceCleanup {

    static final String WORK = "allowance-cleanup";
    /** A bucket fills within a minute at the default limits; rows left a little longer cost nothing. */
    private static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AllowanceCleanup.class);

    private final RequestThrottles throttles;
    private final TenantDirectory tenants;
    private final Leases leases;
    private final ScheduledExecutorService schedule;

    @Activate
    public AllowanceCleanup(@Reference RequestThrottles throttles, @Reference TenantDirectory tenants,
            @Reference Leases leases) {
        this.throttles = throttles;
        this.tenants = tenants;
        this.leases = leases;
        this.schedule = BackgroundThreads.every("receivables-" + WORK, EVERY, this::sweep);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(schedule);
    }

    /** One round; a tenant whose round fails does not stop the others, nor the per-address one. */
    void sweep() {
        leases.eachTenant(tenants.enabledTenants(), WORK, throttles::forgetFull);
        try {
            throttles.forgetFullAddresses();
        } catch (RuntimeException e) {
            LOG.warn("Deleting the full per-address allowances failed; trying again next round", e);
        }
    }
}
