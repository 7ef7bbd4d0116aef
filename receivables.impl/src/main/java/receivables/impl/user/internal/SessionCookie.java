package receivables.impl.user.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import receivables.api.TenantId;

/**
 * The value of the {@code rcv_session} cookie: the tenant, then 256 random bits, {@code <tenant>.<base64url>}. The
 * tenant is in the clear so that the session is looked up in the tenant's rows; only the SHA-256 of the whole value is
 * stored. The session's CSRF token is derived from the value (a SHA-256 under its own label): a page of another site
 * can neither read the cookie nor, therefore, the token, and no node needs to store it.
 */
public record SessionCookie(TenantId tenant, String value) {

    public static final String NAME = "rcv_session";
    private static final Pattern FORM = Pattern.compile("([a-z0-9][a-z0-9_-]{0,63})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public SessionCookie {
        if (!FORM.matcher(value).matches() || !value.startsWith(tenant.value() + ".")) {
            throw new IllegalArgumentException("not a session cookie value of tenant " + tenant);
        }
    }

    static SessionCookie fresh(TenantId tenant, SecureRandom random) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return new SessionCookie(tenant, tenant.value() + "." + BASE64URL.encodeToString(token));
    }

    /** The session a presented cookie value names, or empty when it is not of our form. */
    public static Optional<SessionCookie> parse(String presented) {
        Matcher form = presented == null ? null : FORM.matcher(presented);
        return form != null && form.matches() ? Optional.of(new SessionCookie(new TenantId(form.group(1)), presented))
                : Optional.empty();
    }

    /** What the database stores to find the session: SHA-256 of the value, hex. */
    String hash() {
        return HexFormat.of().formatHex(sha256("receivables session\0" + value));
    }

    /** The token every state-changing request of this session carries in {@code X-CSRF-Token}. */
    public String csrfToken() {
        return BASE64URL.encodeToString(sha256("receivables csrf\0" + value));
    }

    /** Whether {@code offered} is this session's CSRF token, compared in constant time. */
    public boolean csrfTokenIs(String offered) {
        return offered != null && MessageDigest.isEqual(csrfToken().getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SessionCookie[" + tenant + "]";
    }
}
