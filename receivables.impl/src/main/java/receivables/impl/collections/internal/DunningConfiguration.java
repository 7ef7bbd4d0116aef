package receivables.impl.collections.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Receivables dunning", description = "How often the daily dunning runs are looked for, "
        + "and how often a notice's delivery is tried")
@interface DunningConfiguration {

    String PID = "receivables.dunning";
    int DEFAULT_SWEEP_SECONDS = 60;
    int DEFAULT_DELIVERY_ATTEMPTS = 5;

    @AttributeDefinition(name = "Sweep interval (seconds)", min = "1",
            description = "How often each tenant's schedule is checked for a run that is due")
    int sweepSeconds() default DEFAULT_SWEEP_SECONDS;

    @AttributeDefinition(name = "Delivery attempts", min = "1",
            description = "How often a notice's delivery is tried, once per run, before it is flagged FAILED")
    int deliveryAttempts() default DEFAULT_DELIVERY_ATTEMPTS;
}
