package receivables.events.rabbitmq.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables events to RabbitMQ",
        description = "Publishes receivables' business events to a RabbitMQ topic exchange, each confirmed by the "
                + "broker. One configuration per broker and exchange: for one tenant, or for all of them.")
@interface RabbitConfiguration {

    String FACTORY_PID = "receivables.events.rabbitmq";

    @AttributeDefinition(name = "Broker URI", description = "amqp://host:5672/vhost or amqps://...; user and password "
            + "go in the fields below")
    String uri() default "amqp://127.0.0.1:5672/%2F";

    @AttributeDefinition(name = "User name")
    String username() default "guest";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Sealed with the host key "
            + "where ConfigAdmin stores it as soon as it is read; for a file in etc/, the output of "
            + "receivables:seal <password> receivables.events.rabbitmq")
    String password() default "guest";

    @AttributeDefinition(name = "Exchange", description = "A durable topic exchange, declared when missing; routing "
            + "keys read <tenant>.<topic with dots>, e.g. acme.receivables.payment.RECEIVED")
    String exchange() default "receivables";

    @AttributeDefinition(name = "Tenant", required = false,
            description = "Only this tenant's events; empty for every tenant's")
    String tenant() default "";

    @AttributeDefinition(name = "Confirm timeout (milliseconds)", min = "100",
            description = "How long a publish waits for the broker's confirm before it counts as failed")
    int confirmTimeoutMillis() default 5000;
}
