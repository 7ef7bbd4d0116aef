package receivables.impl.provider.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.impl.console.internal.AdminCommands;

/**
 * Gogo command {@code receivables:seal <secret>}: prints the sealed form of a secret, for provider accounts kept as
 * files in {@code etc/}, which FileInstall does not rewrite (secrets entered through ConfigAdmin, e.g. the web
 * console, are sealed in place).
 */
@Component(service = SealCommand.class, property = { "osgi.command.scope=receivables", "osgi.command.function=seal" })
public class SealCommand {

    @Reference
    SealedSecrets secrets;

    public String seal(String secret) {
        return AdminCommands.answer("seal", () -> {
            AdminCommands.required("the secret", secret);
            if (secrets.sealed(secret)) {
                throw new AdminCommands.Refused("the secret is sealed already; seal the plain secret");
            }
            return secrets.seal(secret);
        });
    }
}
