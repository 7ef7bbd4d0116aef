package receivables.impl.risk.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables risk model training",
        description = "How often every enabled tenant's risk model is retrained on its ledger as of the day, and its "
                + "open installments and customers scored again")
@interface RiskTrainingConfiguration {

    String PID = "receivables.risk";

    @AttributeDefinition(name = "Retrain every (hours)",
            description = "A tenant's model is retrained once its latest is this old. 0 retrains never by itself "
                    + "(POST /risk/train still does).")
    int retrainHours() default 24;

    @AttributeDefinition(name = "Look every (seconds)",
            description = "How often the node looks for tenants whose model is due; the tenant's lease keeps two "
                    + "nodes from training it at once")
    int checkSeconds() default 600;
}
