package receivables.impl.tenant.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.osgi.service.component.annotations.Component;

import receivables.impl.console.internal.AdminCommands;

/**
 * Gogo command {@code receivables:hashKey}: with a key, prints the hash to put in a tenant's {@code apiKeys} instead
 * of the key; without one, makes a new random key (256 bits) and prints it with its hash. {@code receivables:hash-key},
 * its first name, stays for the scripts that use it: Gogo calls {@code _main} for a function whose name is no Java
 * method name.
 */
@Component(service = HashKeyCommand.class, property = { "osgi.command.scope=receivables",
        "osgi.command.function=" + HashKeyCommand.FUNCTION, "osgi.command.function=" + HashKeyCommand.FORMER_NAME })
public class HashKeyCommand {

    static final String FUNCTION = "hashKey";
    static final String FORMER_NAME = "hash-key";
    private static final int NEW_KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** The hash of {@code key}, for a tenant's configuration. */
    public String hashKey(String key) {
        return AdminCommands.answer(FUNCTION, () -> hash(key));
    }

    /** A new key, to hand to the tenant once, and its hash, to configure. */
    public String hashKey() {
        byte[] bytes = new byte[NEW_KEY_BYTES];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return "key:  " + key + "\nhash: " + hash(key);
    }

    public String _main(String key) {
        return hashKey(key);
    }

    public String _main() {
        return hashKey();
    }

    private String hash(String key) {
        if (key == null || key.length() < ConfiguredTenant.MIN_KEY_LENGTH) {
            throw new AdminCommands.Refused("an API key has at least " + ConfiguredTenant.MIN_KEY_LENGTH + " characters");
        }
        return ApiKeyHash.of(key, random).toString();
    }
}
