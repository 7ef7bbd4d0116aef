package receivables.impl.alert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables overdue alerts",
        description = "How often every tenant's open installments are swept for overdue levels reached")
@interface OverdueSweepConfiguration {

    String PID = "receivables.alerts.overdue";

    @AttributeDefinition(name = "Sweep every (seconds)",
            description = "Each installment and level is announced once whatever the interval; a shorter one "
                    + "announces sooner after midnight in the tenant's time zone. 0 sweeps never.")
    int sweepSeconds() default 900;
}
