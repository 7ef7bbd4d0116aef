package receivables.impl.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "receivables database",
        description = "Where receivables keeps its data. Leave the URL empty for the embedded H2 file database "
                + "under the data directory. The environment variables RECEIVABLES_DB_URL, RECEIVABLES_DB_USER and "
                + "RECEIVABLES_DB_PASSWORD take precedence over these values.")
@interface DatabaseConfiguration {

    String PID = "receivables.database";
    int DEFAULT_MAX_POOL_SIZE = 10;

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "jdbc:postgresql://host:5432/db or jdbc:h2:file:/path/name; empty for the embedded default")
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Maximum pool size", min = "2", max = "200",
            description = "at least 2: the schema migration at start holds two connections")
    int maxPoolSize() default DEFAULT_MAX_POOL_SIZE;
}
