package receivables.impl.provider.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables secrets",
        description = "Where the key that seals provider secrets at rest comes from. The environment variable "
                + "RECEIVABLES_SECRET_KEY (32 bytes, base64) wins over the key file.")
@interface SecretsConfiguration {

    String PID = "receivables.secrets";

    @AttributeDefinition(name = "Key file",
            description = "AES-256 key, base64; created with owner-only permissions when missing. A relative path is "
                    + "taken in the data directory (framework property receivables.data.dir). Back it up with the "
                    + "configuration: sealed secrets cannot be opened without it.")
    String keyFile() default "secret.key";

    @AttributeDefinition(name = "Previous key files",
            description = "Keys rotated out: values sealed under them still open, and tenants' personal-data keys "
                    + "are sealed again under the current key (receivables:rewrapDataKeys). Drop a file from here once "
                    + "nothing is sealed under it any more.", required = false)
    String[] previousKeyFiles() default {};
}
