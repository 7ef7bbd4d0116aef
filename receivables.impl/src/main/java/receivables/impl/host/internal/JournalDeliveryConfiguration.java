package receivables.impl.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables journal delivery",
        description = "How journal entries reach the host's JournalSink services.")
@interface JournalDeliveryConfiguration {

    String PID = "receivables.journal.delivery";

    @AttributeDefinition(name = "Interval (seconds)", description = "How often new entries are delivered")
    int intervalSeconds() default 5;

    @AttributeDefinition(name = "Batch size", description = "Entries per call of a sink")
    int batchSize() default 200;

    @AttributeDefinition(name = "Look-back (minutes)",
            description = "Entries are looked for from this long before the latest one a sink has, so that an entry "
                    + "whose transaction committed late is not missed")
    int lookBackMinutes() default 10;
}
