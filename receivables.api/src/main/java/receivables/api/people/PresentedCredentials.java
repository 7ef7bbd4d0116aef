package receivables.api.people;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a request presents for authentication, as plain values so that an authentication needs no HTTP framework.
 *
 * @param method        the HTTP method, upper case, e.g. {@code POST}; a cookie-based authentication needs it to
 *                      demand its CSRF token on requests that change state
 * @param path          the request's path below the API's base, e.g. {@code invoices/4711}
 * @param remoteAddress the client's address as the server sees it
 * @param headers       the request's headers; names are matched without regard to case
 * @param cookies       the request's cookies by name
 */
public record PresentedCredentials(String method, String path, String remoteAddress, Map<String, List<String>> headers,
        Map<String, String> cookies) {

    /** The header in which a request names the tenant it acts for. */
    public static final String TENANT_HEADER = "X-Tenant";

    private static final String BEARER = "Bearer ";

    public PresentedCredentials {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(byName);
        cookies = Map.copyOf(cookies);
    }

    /** The first value of the header {@code name}, matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** The tenant the request names in the {@value #TENANT_HEADER} header, if it names one. */
    public Optional<String> tenant() {
        return header(TENANT_HEADER);
    }

    /** The token of an {@code Authorization: Bearer <token>} header, trimmed, if the request presents one. */
    public Optional<String> bearerToken() {
        return header("Authorization")
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim())
                .filter(token -> !token.isEmpty());
    }

    /** Whether the request's method may change state, so that a cookie-borne session must prove it is no forgery. */
    public boolean changesState() {
        return changesState(method);
    }

    /** Whether a request of the HTTP method {@code method} may change state: anything but GET, HEAD and OPTIONS. */
    public static boolean changesState(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }
}
