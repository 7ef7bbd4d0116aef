package receivables.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import receivables.api.provider.RawNotification;

/**
 * A {@link RawNotification} as the core receives it from a channel: a {@code POST} with the core's {@code tenant}
 * query parameter (tenant {@code acme} unless set), the headers and the body given.
 */
public final class RawNotificationBuilder {

    private String method = "POST";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private RawNotificationBuilder() {
        query.put("tenant", List.of("acme"));
    }

    public static RawNotificationBuilder post() {
        return new RawNotificationBuilder();
    }

    /** The same method, headers, query and body as {@code notification}, to change a few. */
    public static RawNotificationBuilder from(RawNotification notification) {
        RawNotificationBuilder builder = new RawNotificationBuilder();
        builder.method = notification.method();
        builder.headers.putAll(notification.headers());
        builder.query.clear();
        builder.query.putAll(notification.query());
        builder.body = notification.body();
        return builder;
    }

    public RawNotificationBuilder method(String value) {
        method = value;
        return this;
    }

    /** Adds a value to a header. */
    public RawNotificationBuilder header(String name, String value) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    public RawNotificationBuilder withoutHeaders() {
        headers.clear();
        return this;
    }

    public RawNotificationBuilder tenant(String value) {
        query.put("tenant", List.of(value));
        return this;
    }

    public RawNotificationBuilder queryParameter(String name, String value) {
        query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    public RawNotificationBuilder body(byte[] value) {
        body = value.clone();
        return this;
    }

    /** A UTF-8 body, with no content type: set it with {@link #header} when the channel sends one. */
    public RawNotificationBuilder body(String value) {
        return body(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A form-encoded body of these fields in their order, with its content type. */
    public RawNotificationBuilder form(Map<String, String> fields) {
        header("Content-Type", "application/x-www-form-urlencoded");
        return body(fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    /** A JSON body as given, with its content type. */
    public RawNotificationBuilder json(String value) {
        header("Content-Type", "application/json");
        return body(value);
    }

    public RawNotification build() {
        Map<String, List<String>> copied = new LinkedHashMap<>();
        headers.forEach((name, values) -> copied.put(name, List.copyOf(values)));
        return new RawNotification(method, copied, query, body);
    }
}
