package receivables.impl.provider.internal;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import receivables.api.secret.ConfigurationSecrets;

/**
 * {@link ConfigurationSecrets} for the one bundle that gets this instance (bundle scope): what it seals is bound to
 * its symbolic name, so that no other bundle can open it, nor open a provider's or channel's secrets through it.
 */
@Component(service = ConfigurationSecrets.class, scope = ServiceScope.BUNDLE)
public class BundleSecrets implements ConfigurationSecrets {

    private final SealedSecrets secrets;
    private final byte[] bundle;

    @Activate
    public BundleSecrets(@Reference SealedSecrets secrets, ComponentContext context) {
        this(secrets, context.getUsingBundle().getSymbolicName());
    }

    BundleSecrets(SealedSecrets secrets, String symbolicName) {
        this.secrets = secrets;
        this.bundle = boundTo(symbolicName);
    }

    /** What a bundle's secrets are bound to: its symbolic name, also for {@code receivables:seal <secret> <bundle>}. */
    static byte[] boundTo(String symbolicName) {
        return ("bundle:" + symbolicName).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean sealed(String value) {
        return secrets.sealed(value);
    }

    @Override
    public String seal(String plain) {
        return secrets.seal(plain, bundle);
    }

    @Override
    public String open(String value) {
        return secrets.open(value, bundle);
    }
}
