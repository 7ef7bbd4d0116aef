package receivables.impl.provider.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import receivables.impl.crypto.internal.AesGcm;

/**
 * The host key: seals provider secrets for storage in configuration and tenants' personal-data keys for storage in
 * the database (AES-256-GCM, a fresh nonce per value), and opens them for whoever needs them. A sealed value reads
 * {@code {sealed}<base64 of nonce and ciphertext>}.
 *
 * <p>The key can be rotated while the host runs: configure the new one as {@code keyFile} and the old ones as
 * {@code previousKeyFiles}; values sealed under an old key still open, and {@link #sealedWithCurrentKey} tells which
 * ones to seal again.
 */
@Component(service = SealedSecrets.class, configurationPid = SecretsConfiguration.PID)
@Designate(ocd = SecretsConfiguration.class)
public class SealedSecrets {

    static final String PREFIX = "{sealed}";
    static final String KEY_VARIABLE = "RECEIVABLES_SECRET_KEY";
    static final String DATA_DIRECTORY_PROPERTY = "receivables.data.dir";
    static final String DEFAULT_DATA_DIRECTORY = "data";
    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;
    private volatile List<SecretKey> previousKeys = List.of();

    public SealedSecrets() {
    }

    public SealedSecrets(byte[] key, byte[]... previousKeys) {
        this.key = new SecretKeySpec(key, "AES");
        this.previousKeys = Arrays.stream(previousKeys).map(bytes -> (SecretKey) new SecretKeySpec(bytes, "AES")).toList();
    }

    /** Also on a changed configuration, so that a key rotation takes effect without restarting anything. */
    @Activate
    @Modified
    void activate(SecretsConfiguration config, BundleContext context) {
        String dataDirectory = context == null ? null : context.getProperty(DATA_DIRECTORY_PROPERTY);
        Path directory = Path.of(dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory);
        String fromEnvironment = System.getenv(KEY_VARIABLE);
        byte[] bytes = fromEnvironment != null && !fromEnvironment.isBlank()
                ? decodeKey(fromEnvironment.trim(), KEY_VARIABLE)
                : keyFromFile(directory.resolve(config.keyFile()));
        List<SecretKey> previous = new ArrayList<>();
        for (String file : config.previousKeyFiles() == null ? new String[0] : config.previousKeyFiles()) {
            if (file != null && !file.isBlank()) {
                previous.add(new SecretKeySpec(existingKey(directory.resolve(file.trim())), "AES"));
            }
        }
        this.previousKeys = List.copyOf(previous);
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** Whether {@code value} is sealed under the current key, not under a previous one (or not at all). */
    public boolean sealedWithCurrentKey(String value) {
        return sealed(value) && openWith(key, NO_ASSOCIATED_DATA, value) != null;
    }

    public boolean sealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plain) {
        return seal(plain, NO_ASSOCIATED_DATA);
    }

    /** Sealed and bound to {@code associated}: only {@link #open(String, byte[])} with the same bytes opens it. */
    public String seal(String plain, byte[] associated) {
        return PREFIX + Base64.getEncoder().encodeToString(
                AesGcm.seal(key, associated, plain.getBytes(StandardCharsets.UTF_8), random));
    }

    /**
     * The plain value of a sealed one, opened with the current key or else a previous one; a value that was never
     * sealed is returned as it is.
     */
    public String open(String value) {
        return open(value, NO_ASSOCIATED_DATA);
    }

    /** {@link #open(String)} for a value sealed bound to {@code associated}. */
    public String open(String value, byte[] associated) {
        if (!sealed(value)) {
            return value;
        }
        String plain = openWith(key, associated, value);
        for (int i = 0; plain == null && i < previousKeys.size(); i++) {
            plain = openWith(previousKeys.get(i), associated, value);
        }
        if (plain == null) {
            throw new IllegalStateException("a secret was sealed with another key, or was changed after sealing");
        }
        return plain;
    }

    /** The plain value, or {@code null} when {@code key} does not open it. */
    private static String openWith(SecretKey key, byte[] associated, String value) {
        try {
            return new String(AesGcm.open(key, associated, Base64.getDecoder().decode(value.substring(PREFIX.length()))),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                create(file, Base64.getEncoder().encodeToString(fresh));
            }
            return decodeKey(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static byte[] existingKey(Path file) {
        try {
            return decodeKey(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the previous secret key " + file, e);
        }
    }

    private static void create(Path file, String key) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException createdByAnotherNode) {
            return;
        }
        Files.writeString(file, key + "\n");
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " does not hold a base64 key");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(source + " must hold 32 bytes (AES-256), not " + bytes.length);
        }
        return bytes;
    }
}
