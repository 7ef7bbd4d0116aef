package receivables.impl.reconciliation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables bank reconciliation",
        description = "How sure matching of bank-statement lines to invoices must be before a line is booked "
                + "as a payment without a clerk")
public @interface ReconciliationConfiguration {

    String PID = "receivables.reconciliation";
    int DEFAULT_MATCH_THRESHOLD = 80;

    @AttributeDefinition(name = "Match threshold", min = "0", max = "100",
            description = "0 to 100. A line matched at least this surely is booked: by creditor reference 100, by "
                    + "invoice number 90, by open amount and payer 70, by open amount alone 50; any other line goes "
                    + "to the suspense queue")
    int matchThreshold() default DEFAULT_MATCH_THRESHOLD;
}
