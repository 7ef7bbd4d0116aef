package receivables.impl.provider.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code settings} and {@code secrets} entries ({@code key=value}) of a tenant's account configuration, as
 * payment-provider accounts and notice-channel accounts have them: read and merged with the secrets opened, and the
 * secrets sealed where ConfigAdmin keeps them. Never logs a value.
 */
public final class AccountSecrets {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSecrets.class);

    private AccountSecrets() {
    }

    /**
     * Settings and opened secrets in one map; a key in both is read from the secrets (with a warning naming the
     * key), so that a value moved there does not stay readable through an old copy.
     *
     * @param account names the account in messages, e.g. {@code acme/wallet}
     * @throws IllegalArgumentException when an entry does not read {@code key=value}
     * @throws IllegalStateException    when a secret was sealed with another key
     */
    public static Map<String, String> merged(String account, String[] settings, String[] secretEntries,
            SealedSecrets secrets) {
        Map<String, String> all = new HashMap<>(pairs(account, settings, "settings"));
        Map<String, String> secretValues = pairs(account, secretEntries, "secrets");
        secretValues.keySet().stream().filter(all::containsKey).sorted().forEach(name -> LOG.warn(
                "Account {}: {} is both a setting and a secret; the secret is used", account, name));
        secretValues.forEach((name, value) -> all.put(name, secrets.open(value)));
        return Map.copyOf(all);
    }

    /** Whether some secret entry is still in plain text. */
    public static boolean anyPlain(String[] secretEntries, SealedSecrets secrets) {
        for (String entry : secretEntries == null ? new String[0] : secretEntries) {
            if (!secrets.sealed(entry.substring(entry.indexOf('=') + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the configuration's {@code secrets} back sealed; ConfigAdmin then hands the component the sealed
     * configuration.
     */
    public static void sealStored(String account, Map<String, Object> properties, String[] secretEntries,
            SealedSecrets secrets, ConfigurationAdmin configurations) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (configurations == null || pid == null) {
            LOG.warn("Account {}: secrets are in plain text in its configuration and cannot be sealed "
                    + "(no ConfigurationAdmin)", account);
            return;
        }
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length != 1) {
                return;
            }
            long changes = found[0].getChangeCount();
            Dictionary<String, Object> stored = found[0].getProperties();
            Dictionary<String, Object> sealed = new Hashtable<>();
            for (var names = stored.keys(); names.hasMoreElements(); ) {
                String name = names.nextElement();
                sealed.put(name, stored.get(name));
            }
            String[] sealedValues = new String[secretEntries.length];
            for (int i = 0; i < secretEntries.length; i++) {
                int equals = secretEntries[i].indexOf('=');
                String value = secretEntries[i].substring(equals + 1);
                sealedValues[i] = secretEntries[i].substring(0, equals + 1)
                        + (secrets.sealed(value) ? value : secrets.seal(value));
            }
            sealed.put("secrets", sealedValues);
            // Changed since this account was read: writing would undo that change. Its own reading seals the newer one.
            if (found[0].getChangeCount() == changes) {
                found[0].update(sealed);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Account {}: its secrets could not be sealed: {}", account, e.getMessage());
        }
    }

    private static Map<String, String> pairs(String account, String[] entries, String attribute) {
        Map<String, String> pairs = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int equals = entry == null ? -1 : entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("account " + account + ": " + attribute + " entries must read key=value");
            }
            pairs.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
        }
        return pairs;
    }
}
