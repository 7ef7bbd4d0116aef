package receivables.api.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the channel sent it to {@code /api/v1/payments/notifications/{provider}}: nothing in it is
 * trusted until the provider has verified it.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param headers header names in lower case
 * @param query   the query parameters, including the core's {@code tenant}
 * @param body    the body as sent, byte for byte (verify signatures over these bytes)
 */
public record RawNotification(String method, Map<String, List<String>> headers, Map<String, List<String>> query,
        byte[] body) {

    public RawNotification {
        TreeMap<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lowerCase);
        query = Map.copyOf(query);
        body = body.clone();
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A copy of the body's bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body read as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
