package receivables.payments.bank.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables bank-transfer provider",
        description = "Payment instructions for bank transfers; the tenant's beneficiary, IBAN, BIC or local "
                + "account are settings of its provider account (receivables.provider.account)")
@interface BankTransferConfiguration {

    String PID = "receivables.provider.bank-transfer";
    String DEFAULT_CURRENCY = "EUR";

    /** The service property {@code receivables.provider.currencies}, which the core reads to offer the provider. */
    @AttributeDefinition(name = "Currencies", cardinality = 32,
            description = "ISO 4217 codes of the currencies payers may transfer")
    String[] receivables_provider_currencies() default DEFAULT_CURRENCY;
}
