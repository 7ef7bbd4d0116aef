package receivables.payments.bank.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables MT940/MT942 reader",
        description = "How MT940 statements and MT942 interim reports are read")
@interface Mt940Configuration {

    String PID = "receivables.statement.mt940";

    @AttributeDefinition(name = "Code pages per account",
            description = "ACCOUNT=CODE_PAGE entries, e.g. PL61109010140000071219812874=IBM852: the files of that "
                    + "account (its :25: field, spaces ignored) are decoded with that Java charset instead of "
                    + "guessing between UTF-8, Windows-1252 and IBM852")
    String[] codePages() default {};
}
