package receivables.payments.wallet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the wallet offers to every tenant. A tenant's own account at the gateway (app id, keys, gateway
 * address, timeouts) is not here but in its {@code receivables.provider.account} configuration.
 */
@ObjectClassDefinition(
        name = "receivables QR wallet",
        description = "The QR-code e-wallet provider (id 'wallet'). Tenants enable it and give their gateway "
                + "account in a receivables.provider.account configuration.")
@interface WalletConfiguration {

    String PID = "receivables.payments.wallet";

    /** The service property {@code receivables.provider.currencies}, which the core reads to offer the provider. */
    @AttributeDefinition(name = "Currencies", cardinality = 32,
            description = "ISO 4217 codes of the currencies the gateway settles")
    String[] receivables_provider_currencies() default { "CNY", "EUR", "USD" };
}
