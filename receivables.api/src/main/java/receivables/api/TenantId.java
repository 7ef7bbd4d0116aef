package receivables.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant that owns a row or issues a request. Every service call names exactly one.
 *
 * @param value lower-case letters, digits, '-' and '_', 1 to 64 characters
 */
public record TenantId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must match " + FORM.pattern() + ": " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
