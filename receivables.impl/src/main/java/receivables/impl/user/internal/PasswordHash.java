package receivables.impl.user.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A password's Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so that
 * every stored hash names the costs it was made with and raising the costs later leaves old hashes verifiable.
 * The costs are OWASP's minimum for Argon2id: 19 MiB of memory, two passes, one lane.
 */
record PasswordHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // Bounds on what a stored hash may ask for, so that a tampered row cannot make verification hang.
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** A fresh hash of {@code password} under a random salt. */
    static PasswordHash of(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt,
                derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /** The hash a PHC string holds, or empty when it is not an Argon2id hash within our bounds. */
    static Optional<PasswordHash> parse(String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (phc == null || !phc.matches()) {
            return Optional.empty();
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int parallelism = Integer.parseInt(phc.group(3));
        if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PasswordHash(memory, iterations, parallelism, DECODER.decode(phc.group(4)),
                    DECODER.decode(phc.group(5))));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether {@code password} is the one hashed, compared in constant time. */
    boolean matches(String password) {
        return password != null && MessageDigest.isEqual(hash,
                derive(password, salt, memoryKiB, iterations, parallelism, hash.length));
    }

    /** Whether this hash was made with weaker costs than new hashes get. */
    boolean weakerThanCurrent() {
        return memoryKiB < MEMORY_KIB || iterations < ITERATIONS;
    }

    String encoded() {
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    static byte[] derive(String password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Override
    public String toString() {
        return "PasswordHash[argon2id m=" + memoryKiB + " t=" + iterations + " p=" + parallelism + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && encoded().equals(that.encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }
}
