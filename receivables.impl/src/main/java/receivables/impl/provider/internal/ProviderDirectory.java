package receivables.impl.provider.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import receivables.api.TenantId;
import receivables.api.intent.ProviderOffer;
import receivables.api.provider.PaymentProvider;
import receivables.api.provider.ProviderContext;

/**
 * The payment providers installed now and the tenants' accounts with them. Providers come and go with their
 * bundles: a removed provider is simply not found until it is back.
 */
@Component(service = ProviderDirectory.class)
public class ProviderDirectory {

    /** Where channels send notifications, below the host's public address. */
    public static final String NOTIFICATION_PATH = "/api/v1/payments/notifications/";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<PaymentProvider> providers = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ConfiguredProviderAccount> accounts = List.of();

    public Optional<PaymentProvider> installed(String providerId) {
        return providers.stream().filter(provider -> provider.id().equals(providerId)).findFirst();
    }

    /** Whether the tenant has an enabled account with the provider (installed or not). */
    public boolean enabled(TenantId tenant, String providerId) {
        return account(tenant, providerId).isPresent();
    }

    /** The providers the tenant may use now: installed, with an enabled account. */
    public List<ProviderOffer> offers(TenantId tenant) {
        return providers.stream()
                .filter(provider -> enabled(tenant, provider.id()))
                .sorted(Comparator.comparing(PaymentProvider::id))
                .map(provider -> new ProviderOffer(provider.id(), provider.name(), new TreeSet<>(provider.methods()),
                        new TreeSet<>(provider.currencies()), Set.copyOf(provider.capabilities())))
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
