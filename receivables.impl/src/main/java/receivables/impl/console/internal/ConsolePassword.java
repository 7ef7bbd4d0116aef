package receivables.impl.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import receivables.impl.storage.internal.DataDirectory;

/**
 * Gives the Felix web console, which administers the whole framework, a password that nobody else knows: on first
 * start a random one is written to an owner-only file in the data directory and printed once; at every start the
 * console's configuration gets its hash. Until then the reference host's framework property
 * {@code felix.webconsole.password} is a hash that no password matches, so the console admits nobody, not even
 * with its built-in default.
 */
@Component(configurationPid = ConsolePasswordConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConsolePasswordConfiguration.class)
public class ConsolePassword {

    static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    /** The web console's own form: {@code {sha-256}<salt>-<iterations>-<base64 of the digest iterated>}. */
    static final String HASH_PREFIX = "{sha-256}";
    static final int ITERATIONS = 1000;
    private static final int PASSWORD_BYTES = 18;
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePassword.class);

    private final SecureRandom random = new SecureRandom();

    @Reference
    DataDirectory dataDirectory;

    @Reference
    ConfigurationAdmin configurations;

    @Activate
    void activate(ConsolePasswordConfiguration config) throws IOException {
        Path file = dataDirectory.path().resolve(config.passwordFile());
        String password = Files.exists(file) ? Files.readString(file).strip() : created(file, config.username());
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " is empty: put the web console's password in it, or delete it "
                    + "to have one generated");
        }
        Configuration console = configurations.getConfiguration(CONSOLE_PID, "?");
        Dictionary<String, Object> properties = console.getProperties() == null ? new Hashtable<>() : console.getProperties();
        properties.put("username", config.username());
        properties.put("password", hash(password, HexFormat.of().formatHex(salt())));
        console.update(properties);
    }

    /** Generates the first password into {@code file}, owner-only, and prints it this once. */
    private String created(Path file, String username) {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the web console's first password to " + file, e);
        }
        LOG.info("Generated the web console's password into {}", file);
        System.out.println("\n  Web console: user '" + username + "', password " + password + "\n  (printed this once; kept in " + file
                + ", readable by this user only)\n");
        return password;
    }

    private byte[] salt() {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        return salt;
    }

    /** The password as the web console stores and checks it, with {@link #ITERATIONS} rounds of SHA-256. */
    static String hash(String password, String salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < ITERATIONS; i++) {
                sha256.reset();
                digest = sha256.digest(digest);
            }
            return HASH_PREFIX + salt + "-" + ITERATIONS + "-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
