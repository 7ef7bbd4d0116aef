package receivables.impl.risk.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.EventTopics;
import receivables.api.TenantId;
import receivables.impl.background.internal.BackgroundThreads;

/**
 * Scores an invoice as soon as it is issued, with the tenant's latest model, so that it need not wait for the next
 * training: its customer and the customer's open installments are scored anew (the new invoice changes what the
 * customer owes). Issued invoices arrive after their commit; those that arrive while a round runs are taken together
 * in the next one, on a thread of its own, so that issuing (a billing run) never waits for the scoring.
 */
// The topic as a plain property, as LiveEvents does: @EventTopics would need a capability Karaf's Event Admin lacks.
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + EventTopics.INVOICE_ISSUED)
public class LiveRiskScoring implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRiskScoring.class);

    private final StoredRiskScores risk;
    private final ExecutorService rounds = BackgroundThreads.runner("receivables-risk-scoring");
    /** The customers of the invoices issued since the last round began, per tenant. */
    private Map<TenantId, Set<UUID>> waiting = new HashMap<>();

    @Activate
    public LiveRiskScoring(@Reference StoredRiskScores risk) {
        this.risk = risk;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        BackgroundThreads.stop(rounds);
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EventTopics.TENANT) instanceof String tenant)
                || !(event.getProperty(EventTopics.CUSTOMER_ID) instanceof String customer)) {
            return;
        }
        boolean first;
        synchronized (this) {
            first = waiting.isEmpty();
            waiting.computeIfAbsent(new TenantId(tenant), t -> new LinkedHashSet<>()).add(UUID.fromString(customer));
        }
        if (first) {
            rounds.execute(this::round);
        }
    }

    /** Scores the customers waiting, each tenant's together; a failure leaves them to the next training. */
    void round() {
        Map<TenantId, Set<UUID>> taken;
        synchronized (this) {
            taken = waiting;
            waiting = new HashMap<>();
        }
        taken.forEach((tenant, customers) -> {
            try {
                risk.rescore(tenant, customers);
            } catch (RuntimeException e) {
                LOG.warn("Scoring {} customers of tenant {} with their new invoices failed; the next training scores"
                        + " them", customers.size(), tenant.value(), e);
            }
        });
    }
}
