package receivables.impl.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "receivables web console password",
        description = "Gives the Felix web console its password from a file in the data directory, generated on first "
                + "start. Without this configuration receivables leaves the console's configuration alone.")
@interface ConsolePasswordConfiguration {

    String PID = "receivables.console";

    @AttributeDefinition(name = "Password file",
            description = "Relative to the data directory. Created owner-only with a random password when missing; put "
                    + "another password in it and restart to change the password.")
    String passwordFile() default "console-password";

    @AttributeDefinition(name = "User name")
    String username() default "admin";
}
