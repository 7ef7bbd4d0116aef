package receivables.impl.provider.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.api.TenantId;
import receivables.api.intent.ProviderOffer;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;
import receivables.api.provider.ProviderDescription;

/**
 * The payment providers installed now and the tenants' accounts with them. Providers come and go with their
 * bundles: a removed provider is simply not found until it is back. What a provider is comes from its
 * {@link ProviderDescription} service properties and the interfaces it implements, never from calling it.
 */
@Component(service = ProviderDirectory.class)
public class ProviderDirectory {

    /** Where channels send notifications, below the host's public address. */
    public static final String NOTIFICATION_PATH = "/api/v1/payments/notifications/";

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDirectory.class);
    private static final Comparator<InstalledProvider> PREFERRED = Comparator
            .comparingInt(InstalledProvider::ranking).reversed().thenComparingLong(InstalledProvider::serviceId);

    final List<InstalledProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ConfiguredProviderAccount> accounts = List.of();

    /** No accounts yet: DS adds and removes them as their configurations come and go. */
    public ProviderDirectory() {
    }

    /** A directory of {@code accounts}, for use without the framework; providers come with {@link #install}. */
    public ProviderDirectory(List<ConfiguredProviderAccount> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    @Reference(service = PaymentProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "uninstall",
            updated = "reinstall")
    public void install(PaymentProvider provider, Map<String, Object> properties) {
        try {
            providers.add(InstalledProvider.of(provider, properties));
        } catch (IllegalArgumentException e) {
            LOG.warn("Payment provider service {} is not offered: {}", provider.getClass().getName(), e.getMessage());
        }
    }

    public void uninstall(PaymentProvider provider) {
        providers.removeIf(installed -> installed.service() == provider);
    }

    void reinstall(PaymentProvider provider, Map<String, Object> properties) {
        uninstall(provider);
        install(provider, properties);
    }

    /** The provider with this id, when one is installed (of two with one id, the higher-ranked). */
    public Optional<InstalledProvider> installed(String providerId) {
        return providers.stream().filter(provider -> provider.id().equals(providerId)).min(PREFERRED);
    }

    /** Whether the tenant has an enabled account with the provider (installed or not). */
    public boolean enabled(TenantId tenant, String providerId) {
        return account(tenant, providerId).isPresent();
    }

    /** The providers the tenant may use now: installed, with an enabled account. */
    public List<ProviderOffer> offers(TenantId tenant) {
        return providers.stream().map(InstalledProvider::id).distinct().sorted()
                .filter(id -> enabled(tenant, id))
                .flatMap(id -> installed(id).stream())
                .map(InstalledProvider::offer)
                .toList();
    }

    /** {@code provider:<id>} for every provider the tenant may use now. */
    public Set<String> features(TenantId tenant) {
        return offers(tenant).stream().map(offer -> "provider:" + offer.id()).collect(Collectors.toSet());
    }

    /** The tenant's settings for the provider, for one call; empty when the tenant has no enabled account. */
    public Optional<ProviderContext> context(TenantId tenant, String providerId, URI publicBaseUrl) {
        return account(tenant, providerId).map(account -> new ProviderContext(tenant, account.settings(),
                notificationUrl(publicBaseUrl, tenant, providerId)));
    }

    /**
     * Accounts that are configured but cannot be used, each disabled, for the health report: the tenant's own, and
     * those that name no valid tenant. Other tenants' accounts are left out, so that nobody learns which tenants
     * exist.
     */
    public List<String> problems(TenantId tenant) {
        return accounts.stream()
                .filter(account -> account.problem().isPresent())
                .filter(account -> account.tenant() == null || account.tenant().equals(tenant))
                .map(account -> "provider account " + (account.tenant() == null ? "?" : account.tenant().value()) + "/"
                        + account.provider() + " is disabled: " + account.problem().get())
                .sorted()
                .toList();
    }

    private Optional<ConfiguredProviderAccount> account(TenantId tenant, String providerId) {
        return accounts.stream()
                .filter(account -> tenant.equals(account.tenant()) && providerId.equals(account.provider()))
                .filter(ConfiguredProviderAccount::enabled)
                .findFirst();
    }

    static URI notificationUrl(URI base, TenantId tenant, String providerId) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + NOTIFICATION_PATH + providerId + "?tenant="
                + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8));
    }
}
