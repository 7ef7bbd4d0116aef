package receivables.impl.background.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables background leases",
        description = "How the nodes share background work (billing runs, statement imports, journal delivery, the "
                + "intent janitor): each piece is done by the node holding its lease in the database")
@interface LeaseConfiguration {

    String PID = "receivables.background";

    @AttributeDefinition(name = "Lease (seconds)",
            description = "How long a lease lasts without renewal: a dead node's work is taken over this long after "
                    + "its last renewal")
    int leaseSeconds() default 30;

    @AttributeDefinition(name = "Heartbeat (seconds)",
            description = "How often a node renews its leases and looks for work whose lease ran out; less than the "
                    + "lease")
    int heartbeatSeconds() default 10;

    @AttributeDefinition(name = "Node name",
            description = "How this node is named in the leases it holds; empty for host name and process id")
    String nodeName() default "";
}
