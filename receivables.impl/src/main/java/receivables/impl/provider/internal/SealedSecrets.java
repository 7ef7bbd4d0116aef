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
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Seals provider secrets for storage in configuration (AES-256-GCM, a fresh nonce per value) and opens them
 * for the provider that needs them. A sealed value reads {@code {sealed}<base64 of nonce and ciphertext>}.
 */
@Component(service = SealedSecrets.class, configurationPid = SecretsConfiguration.PID)
@Designate(ocd = SecretsConfiguration.class)
public class SealedSecrets {

    static final String PREFIX = "{sealed}";
    static final String KEY_VARIABLE = "RECEIVABLES_SECRET_KEY";
    static final String DATA_DIRECTORY_PROPERTY = "receivables.data.dir";
    static final String DEFAULT_DATA_DIRECTORY = "data";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    public SealedSecrets() {
    }

    SealedSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    @Activate
    void activate(SecretsConfiguration config, BundleContext context) {
        String dataDirectory = context == null ? null : context.getProperty(DATA_DIRECTORY_PROPERTY);
        Path file = Path.of(dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory).resolve(config.keyFile());
        String fromEnvironment = System.getenv(KEY_VARIABLE);
        byte[] bytes = fromEnvironment != null && !fromEnvironment.isBlank()
                ? decodeKey(fromEnvironment.trim(), KEY_VARIABLE)
                : keyFromFile(file);
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public boolean sealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value of a sealed one; a value that was never sealed is returned as it is. */
    public String open(String value) {
        if (!sealed(value)) {
            return value;
        }
        try {
            byte[] stored = Base64.getDecoder().decode(value.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("a secret was sealed with another key, or was changed after sealing");
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
