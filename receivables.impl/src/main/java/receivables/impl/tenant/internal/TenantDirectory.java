package receivables.impl.tenant.internal;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import receivables.api.TenantId;
import receivables.api.people.Role;

/**
 * The tenants of this installation: resolves the one tenant a request acts for from the tenant it names
 * and the key it presents, and knows each tenant's settings. Tenants come and go with their
 * configurations, without a restart.
 */
@Component(service = TenantDirectory.class)
public class TenantDirectory {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ConfiguredTenant> tenants = List.of();

    // The defaults last built: a billing run asks for them several times an invoice, and building them checks the
    // number pattern and the currency each time.
    private volatile TenantSettings lastDefaults;

    /** No tenants yet: DS adds and removes them as their configurations come and go. */
    public TenantDirectory() {
    }

    /** A directory of {@code tenants}, for use without the framework. */
    public TenantDirectory(List<ConfiguredTenant> tenants) {
        this.tenants = List.copyOf(tenants);
    }

    /**
     * @return the tenant, or empty when the tenant is unknown, disabled, or the key is not one of its keys;
     *         the caller cannot tell these apart, so nobody learns which tenants exist
     */
    public Optional<TenantId> authenticate(String tenant, String apiKey) {
        return tenants.stream()
                .filter(candidate -> candidate.id().value().equals(tenant))
                .filter(candidate -> candidate.accepts(apiKey))
                .map(ConfiguredTenant::id)
                .findFirst();
    }

    /** The roles the keys in the tenant's configuration hold. */
    public Set<Role> keyRoles(TenantId tenant) {
        return tenants.stream()
                .filter(candidate -> candidate.id().equals(tenant))
                .map(ConfiguredTenant::keyRoles)
                .findFirst()
                .orElse(Set.of());
    }

    /** The tenant's settings, or the defaults for a tenant without configuration of its own. */
    public TenantSettings settings(TenantId tenant) {
        return tenants.stream()
                .filter(candidate -> candidate.id().equals(tenant))
                .map(ConfiguredTenant::settings)
                .findFirst()
                .orElseGet(() -> defaults(tenant));
    }

    private TenantSettings defaults(TenantId tenant) {
        TenantSettings defaults = lastDefaults;
        if (defaults == null || !defaults.tenant().equals(tenant)) {
            defaults = TenantSettings.defaults(tenant);
            lastDefaults = defaults;
        }
        return defaults;
    }

    /** The tenant's time zone: the one its days (due dates, the dunning run) are counted in; UTC without configuration. */
    public ZoneId timeZone(TenantId tenant) {
        return tenants.stream()
                .filter(candidate -> candidate.id().equals(tenant))
                .map(ConfiguredTenant::timeZone)
                .findFirst()
                .orElse(ZoneId.of("UTC"));
    }

    /** The tenant's display name and time zone, for the web UI; empty for a tenant without configuration. */
    public Optional<TenantProfile> profile(TenantId tenant) {
        return tenants.stream()
                .filter(candidate -> candidate.id().equals(tenant))
                .map(candidate -> new TenantProfile(tenant.value(), candidate.name(), candidate.timeZone().getId(),
                        candidate.settings().functionalCurrency()))
                .findFirst();
    }

    /** The enabled tenants, for work that runs for each of them. */
    public List<TenantId> enabledTenants() {
        return tenants.stream().filter(ConfiguredTenant::enabled).map(ConfiguredTenant::id).distinct().toList();
    }

    /** One configured tenant as admins see it. */
    public record Listed(TenantId id, String name, boolean enabled, SortedSet<String> features) {

        public Listed {
            features = Collections.unmodifiableSortedSet(new TreeSet<>(features));
        }
    }

    /** Every configured tenant, enabled or not, by id. */
    public List<Listed> listed() {
        return tenants.stream()
                .map(tenant -> new Listed(tenant.id(), tenant.name(), tenant.enabled(), new TreeSet<>(tenant.features())))
                .sorted(Comparator.comparing((Listed listed) -> listed.id().value()))
                .toList();
    }

    /** The ids of every configured tenant, enabled or not. */
    public List<TenantId> configuredTenants() {
        return tenants.stream().map(ConfiguredTenant::id).distinct().toList();
    }

    /** Tenants whose changed configuration was refused, each with the reason: they refuse every caller until mended. */
    public List<String> problems() {
        return tenants.stream()
                .flatMap(tenant -> tenant.refusal().map(reason -> "tenant " + tenant.id().value() + " refuses every "
                        + "caller since its configuration was refused: " + reason).stream())
                .toList();
    }

    /** The features the tenant's configuration switches on. */
    public Set<String> features(TenantId tenant) {
        return tenants.stream()
                .filter(candidate -> candidate.id().equals(tenant))
                .map(ConfiguredTenant::features)
                .findFirst()
                .orElse(Set.of());
    }
}
