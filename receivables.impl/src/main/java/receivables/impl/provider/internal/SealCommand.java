package receivables.impl.provider.internal;

import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.impl.console.internal.AdminCommands;

/**
 * Gogo command {@code receivables:seal <secret>}: prints the sealed form of a secret, for provider and channel
 * accounts kept as files in {@code etc/}, which FileInstall does not rewrite (secrets entered through ConfigAdmin,
 * e.g. the web console, are sealed in place); {@code receivables:seal <secret> <bundle>} seals it for a bundle's own
 * configuration ({@link BundleSecrets}), e.g. the RabbitMQ password for {@code receivables.events.rabbitmq}.
 */
@Component(service = SealCommand.class, property = { "osgi.command.scope=receivables", "osgi.command.function=seal" })
public class SealCommand {

    @Reference
    SealedSecrets secrets;

    public String seal(String secret) {
        return sealOnce(secret, secrets::seal);
    }

    public String seal(String secret, String bundle) {
        return sealOnce(secret, plain -> {
            AdminCommands.required("the bundle's symbolic name", bundle);
            return secrets.seal(plain, BundleSecrets.boundTo(bundle));
        });
    }

    private String sealOnce(String secret, UnaryOperator<String> sealing) {
        return AdminCommands.answer("seal", () -> {
            AdminCommands.required("the secret", secret);
            if (secrets.sealed(secret)) {
                throw new AdminCommands.Refused("the secret is sealed already; seal the plain secret");
            }
            return sealing.apply(secret);
        });
    }
}
