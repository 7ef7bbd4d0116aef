package receivables.api.secret;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals the secrets a bundle keeps in its own configuration (a password attribute) and opens them again, for bundles
 * that read a configuration of their own rather than a tenant's account (whose secrets reach a channel or provider
 * opened, with each call). The host key seals them (AES-256-GCM) as it seals provider and channel secrets, bound to
 * the bundle that asks: the service is bundle-scoped, and a value sealed for one bundle does not open for another.
 * A sealed value reads {@code {sealed}…}. Never log an opened value.
 */
@ProviderType
public interface ConfigurationSecrets {

    /** Whether {@code value} is sealed, i.e. reads {@code {sealed}…}; {@code null} is not. */
    boolean sealed(String value);

    /** The sealed form of {@code plain}, which only this bundle can open. */
    String seal(String plain);

    /**
     * The plain value of a sealed one; a value that was never sealed is returned as it is.
     *
     * @throws IllegalStateException when the value was sealed for another bundle, under a key this host does not
     *         hold, or was changed after sealing
     */
    String open(String value);
}
