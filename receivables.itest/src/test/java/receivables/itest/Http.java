package receivables.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A client for the running host's REST API, as a test inside the framework calls it: over real HTTP.
 */
final class Http {

    static final String DEFAULT_TENANT = "default";
    static final String DEFAULT_KEY = "default-demo-key-change-me";
    // Amounts travel as JSON numbers with their scale: read them as decimals, never as doubles.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Path dataDirectory;

    Http(BundleContext context) {
        this.base = "http://127.0.0.1:" + context.getProperty(ReferenceHost.PORT_PROPERTY);
        this.dataDirectory = Path.of(context.getProperty(ReferenceHost.DATA_PROPERTY));
    }

    /** The web console's password, which the host generated into its data directory on first start. */
    String consolePassword() {
        return HostProcess.consolePassword(dataDirectory);
    }

    Reply get(String path, String tenant, String key) {
        return send(request(path, tenant, key).GET());
    }

    Reply get(String path) {
        return get(path, DEFAULT_TENANT, DEFAULT_KEY);
    }

    Reply post(String path, String json, String tenant, String key) {
        return send(request(path, tenant, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postWithKey(String path, String json, String idempotencyKey) {
        return send(request(path, DEFAULT_TENANT, DEFAULT_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with HTTP basic authentication, as the Felix web console takes it. */
    Reply postAsUser(String path, String user, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path, null, null).header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A request as a payment channel sends it: no tenant, no key, its own headers. */
    Reply postAnonymous(String path, String body, String contentType, String header, String value) {
        return send(request(path, null, null).header("Content-Type", contentType).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply post(String path, String json) {
        return post(path, json, DEFAULT_TENANT, DEFAULT_KEY);
    }

    /** A POST of a raw body in {@code contentType}, e.g. a bank-statement file, for the default tenant. */
    Reply postBody(String path, byte[] body, String contentType) {
        return send(request(path, DEFAULT_TENANT, DEFAULT_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply put(String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path, DEFAULT_TENANT, DEFAULT_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Polls {@code path} until {@code until} holds, failing after {@code timeout}. */
    Reply await(String path, Predicate<Reply> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (until.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYetListening) {
                last = null;
            }
            sleep(200);
        }
        throw new AssertionError("gave up waiting on " + path + " after " + timeout + "; last reply: " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A request to {@code path} with the tenant's credentials, to finish and {@link #send}. */
    HttpRequest.Builder request(String path, String tenant, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (tenant != null) {
            request.header("X-Tenant", tenant);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), Http::bodyUnlessStream);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as text; of an event stream, which never ends by itself, nothing: that it opened is the answer. */
    static HttpResponse.BodySubscriber<String> bodyUnlessStream(HttpResponse.ResponseInfo info) {
        if (info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), stream -> {
                try (stream) {
                    return "";
                } catch (IOException closing) {
                    return "";
                }
            });
        }
        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }
}
