package receivables.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** HTTP to a host on 127.0.0.1 as the demo tenant, and waiting for conditions with a deadline. */
final class Http {

    static final String TENANT = "default";
    static final String KEY = "default-demo-key-change-me";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> getAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The reply to {@code path}, or null while nothing answers. */
    HttpResponse<String> tryGet(String path) {
        try {
            return CLIENT.send(request(path).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls {@code path} until its reply satisfies {@code done}. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done, Duration within, Supplier<String> explain) {
        HttpResponse<String>[] last = new HttpResponse[1];
        waitFor(() -> {
            last[0] = tryGet(path);
            return last[0] != null && done.test(last[0]);
        }, within, () -> path + " answered " + (last[0] == null ? "nothing" : last[0].statusCode() + " " + last[0].body())
                + "; " + explain.get());
        return last[0];
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Tenant", TENANT).header("Authorization", "Bearer " + KEY);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition} holds, checking every quarter second, or fails with {@code explain}. */
    static void waitFor(Supplier<Boolean> condition, Duration within, Supplier<String> explain) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + explain.get());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
