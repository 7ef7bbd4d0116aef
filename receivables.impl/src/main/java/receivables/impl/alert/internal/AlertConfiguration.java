package receivables.impl.alert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables alerts of a tenant",
        description = "When one tenant's installments count as overdue for an alert, and which payments are large. "
                + "A tenant without this configuration is alerted at 1, 30, 60 and 90 days and of no large payment.")
@interface AlertConfiguration {

    String FACTORY_PID = "receivables.alerts";

    @AttributeDefinition(name = "Tenant id")
    String tenant();

    @AttributeDefinition(name = "Overdue levels (days)", cardinality = 16,
            description = "Days past the due date, ascending, 1 to 3650: an installment still open that many days "
                    + "after its due date is announced once at that level (receivables/installment/OVERDUE)")
    int[] overdueDays() default { 1, 30, 60, 90 };

    @AttributeDefinition(name = "Large payments", required = false, cardinality = 32,
            description = "CURRENCY=amount, e.g. EUR=10000 or CNY=100000: a payment of at least this much in that "
                    + "currency is also announced as receivables/payment/LARGE")
    String[] largePayments() default {};
}
