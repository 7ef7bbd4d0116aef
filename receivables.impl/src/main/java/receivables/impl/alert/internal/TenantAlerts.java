package receivables.impl.alert.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.TenantId;
import receivables.api.money.Money;

/**
 * One tenant's alert settings, from a factory configuration; refuses to start (and so leaves the tenant on the
 * defaults, with the reason logged by Declarative Services) when a value cannot be used.
 */
@Component(service = TenantAlerts.class, configurationPid = AlertConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlertConfiguration.class, factory = true)
public class TenantAlerts {

    static final List<Integer> DEFAULT_OVERDUE_DAYS = List.of(1, 30, 60, 90);
    static final int MAX_DAYS = 3650;

    private final TenantId tenant;
    private final List<Integer> overdueDays;
    private final Map<String, BigDecimal> largePayments;

    @Activate
    public TenantAlerts(AlertConfiguration config) {
        this(tenantOf(config.tenant()), config.overdueDays() == null ? List.of()
                : Arrays.stream(config.overdueDays()).boxed().toList(), thresholds(config.largePayments()));
    }

    TenantAlerts(TenantId tenant, List<Integer> overdueDays, Map<String, BigDecimal> largePayments) {
        if (overdueDays.isEmpty()) {
            throw new IllegalArgumentException("alerts of tenant " + tenant.value() + ": overdueDays must name a level");
        }
        for (int i = 0; i < overdueDays.size(); i++) {
            int days = overdueDays.get(i);
            if (days < 1 || days > MAX_DAYS || i > 0 && days <= overdueDays.get(i - 1)) {
                throw new IllegalArgumentException("alerts of tenant " + tenant.value()
                        + ": overdueDays must ascend from 1 to " + MAX_DAYS + ", not " + overdueDays);
            }
        }
        this.tenant = tenant;
        this.overdueDays = List.copyOf(overdueDays);
        this.largePayments = Map.copyOf(largePayments);
    }

    private static TenantId tenantOf(String id) {
        if (!TenantId.isValid(id)) {
            throw new IllegalArgumentException("alerts: '" + id + "' is not a valid tenant id");
        }
        return new TenantId(id);
    }

    static Map<String, BigDecimal> thresholds(String[] entries) {
        Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            String[] parts = entry == null ? new String[0] : entry.split("=", 2);
            String currency = parts.length == 2 ? parts[0].strip() : "";
            BigDecimal amount;
            try {
                amount = parts.length == 2 ? new BigDecimal(parts[1].strip()) : null;
            } catch (NumberFormatException e) {
                amount = null;
            }
            if (!Money.isActiveCurrency(currency) || amount == null || amount.signum() <= 0
                    || thresholds.put(currency, amount) != null) {
                throw new IllegalArgumentException("alerts: largePayments entry '" + entry
                        + "' is not CURRENCY=positive amount, once per currency");
            }
        }
        return thresholds;
    }

    TenantId tenant() {
        return tenant;
    }

    List<Integer> overdueDays() {
        return overdueDays;
    }

    boolean large(String currency, BigDecimal amount) {
        BigDecimal threshold = largePayments.get(currency);
        return threshold != null && amount.compareTo(threshold) >= 0;
    }
}
