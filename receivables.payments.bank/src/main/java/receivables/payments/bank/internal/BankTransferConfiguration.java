package receivables.payments.bank.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables bank-transfer provider",
        description = "Payment instructions for bank transfers; the tenant's beneficiary, IBAN, BIC or local "
                + "account are settings of its provider account (receivables.provider.account)")
@interface BankTransferConfiguration {

    String PID = "receivables.provider.bank-transfer";
    String DEFAULT_CURRENCIES = "EUR";

    @AttributeDefinition(name = "Currencies",
            description = "ISO 4217 codes, separated by commas, of the currencies payers may transfer")
    String currencies() default DEFAULT_CURRENCIES;
}
