package receivables.impl.intent.internal;

import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import receivables.impl.background.internal.BackgroundThreads;
import receivables.impl.background.internal.Leases;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Settles what provider calls left open, for every tenant: starts intents whose start failed, asks providers
 * about pending intents without news, expires the ones past their time and retries unconfirmed refunds. Every
 * step is safe to run on several nodes at once: applying a provider's answer locks the intent and changes
 * nothing twice.
 */
@Component(service = IntentJanitor.class, configurationPid = IntentsConfiguration.PID, immediate = true)
public class IntentJanitor {

    @Reference
    StoredPaymentIntents intents;

    @Reference
    TenantDirectory tenants;

    @Reference
    Leases leases;

    private ScheduledExecutorService schedule;

    @Activate
    void activate(IntentsConfiguration config) {
        schedule = BackgroundThreads.every("receivables-intent-janitor", config.janitorIntervalSeconds(), this::sweep);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(schedule);
    }

    /**
     * One round over every tenant whose janitor no other node runs right now; a tenant whose round fails does not
     * stop the others.
     */
    void sweep() {
        leases.eachTenant(tenants.enabledTenants(), "intent-janitor", tenant -> {
            intents.startDue(tenant);
            intents.settlePending(tenant);
            intents.retryRefunds(tenant);
        });
    }
}
