package receivables.impl.provider.internal;

import java.util.List;

import receivables.api.TenantId;

/**
 * A tenant's accounts with payment providers, kept where the console keeps them (ConfigurationAdmin, factory
 * {@link ProviderAccountConfiguration#FACTORY_PID}), so that the API, the web console and {@code etc/} edit the same
 * accounts. Secrets are sealed before they are stored and never returned.
 */
public interface ProviderAccounts {

    /** The tenant's accounts, by provider. */
    List<ProviderAccount> list(TenantId tenant);

    /**
     * @throws receivables.api.InvalidRequestException naming each field at fault; nothing is stored then
     * @throws receivables.api.ConflictException       when the tenant has an account with that provider
     */
    ProviderAccount create(TenantId tenant, ProviderAccountChange account);

    /**
     * Replaces the account's settings and secrets (a blank secret keeps its stored value).
     *
     * @throws receivables.api.InvalidRequestException naming each field at fault; nothing is stored then
     * @throws receivables.api.NotFoundException       when the tenant has no account with that provider
     */
    ProviderAccount change(TenantId tenant, String provider, ProviderAccountChange account);

    /**
     * Removes the account; the provider is no longer offered to the tenant. Answers the account as it was.
     *
     * @throws receivables.api.NotFoundException when the tenant has no account with that provider
     */
    ProviderAccount delete(TenantId tenant, String provider);
}
