package receivables.impl.alert.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import receivables.api.TenantId;
import receivables.impl.event.internal.LargePayments;

/** Every tenant's alert settings, or the defaults for a tenant that has none. */
@Component(service = { AlertRules.class, LargePayments.class })
public class AlertRules implements LargePayments {

    private final List<TenantAlerts> configured = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTenant(TenantAlerts alerts) {
        configured.add(alerts);
    }

    void removeTenant(TenantAlerts alerts) {
        configured.remove(alerts);
    }

    /** The tenant's overdue levels, days past the due date, ascending. */
    public List<Integer> overdueDays(TenantId tenant) {
        return configured.stream().filter(alerts -> alerts.tenant().equals(tenant)).findFirst()
                .map(TenantAlerts::overdueDays).orElse(TenantAlerts.DEFAULT_OVERDUE_DAYS);
    }

    @Override
    public boolean large(String tenant, String currency, BigDecimal amount) {
        return configured.stream().filter(alerts -> alerts.tenant().value().equals(tenant)).findFirst()
                .map(alerts -> alerts.large(currency, amount)).orElse(false);
    }
}
