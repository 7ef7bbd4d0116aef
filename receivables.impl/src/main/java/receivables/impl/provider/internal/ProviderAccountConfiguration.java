package receivables.impl.provider.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables payment provider account",
        description = "Switches a payment provider on for one tenant, with that tenant's settings and credentials. "
                + "Secrets are sealed (AES-256-GCM) in the stored configuration as soon as the account is read.")
@interface ProviderAccountConfiguration {

    String FACTORY_PID = "receivables.provider.account";

    @AttributeDefinition(name = "Tenant id")
    String tenant();

    @AttributeDefinition(name = "Provider id", description = "The provider bundle's id, e.g. wallet or bank-transfer")
    String provider();

    @AttributeDefinition(name = "Enabled", description = "When off, the tenant is not offered this provider")
    boolean enabled() default true;

    @AttributeDefinition(name = "Settings", required = false, cardinality = 64,
            description = "key=value, e.g. gatewayUrl=https://gateway.example/api; the provider's README lists its keys")
    String[] settings() default {};

    @AttributeDefinition(name = "Secrets", type = AttributeType.PASSWORD, required = false, cardinality = 16,
            description = "key=value, e.g. merchantPrivateKey=MIIE...; never returned by the API nor logged")
    String[] secrets() default {};
}
