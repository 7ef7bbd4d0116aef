package receivables.impl.collections.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables notice channel account",
        description = "One tenant's settings and credentials for a notice channel (e.g. its SMTP server for e-mail). "
                + "Secrets are sealed (AES-256-GCM) in the stored configuration as soon as the account is read.")
@interface ChannelAccountConfiguration {

    String FACTORY_PID = "receivables.channel.account";

    @AttributeDefinition(name = "Tenant id")
    String tenant();

    @AttributeDefinition(name = "Channel id", description = "The channel bundle's id, e.g. email")
    String channel();

    @AttributeDefinition(name = "Settings", required = false, cardinality = 64,
            description = "key=value, e.g. host=smtp.example.com; the channel's README section lists its keys")
    String[] settings() default {};

    @AttributeDefinition(name = "Secrets", type = AttributeType.PASSWORD, required = false, cardinality = 16,
            description = "key=value, e.g. password=...; never returned by the API nor logged")
    String[] secrets() default {};
}
