package receivables.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference host started the way the README starts it, {@code java -jar receivables.jar}, in a working
 * directory of its own holding a copy of {@code etc/}. Only the HTTP port is set from outside.
 */
final class HostProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path directory;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    HostProcess(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
        this.port = freePort();
        Path etc = Path.of(System.getProperty("receivables.runtime.etc", "../receivables.runtime/etc"));
        try {
            Files.createDirectories(directory.resolve("etc"));
            try (var files = Files.list(etc)) {
                for (Path file : files.toList()) {
                    Files.copy(file, directory.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    /** The web console's password, which the host generated on first start. */
    String consolePassword() {
        return consolePassword(directory.resolve("data"));
    }

    /** The web console's password in a host's data directory, once the host has written it. */
    static String consolePassword(Path dataDirectory) {
        Path file = dataDirectory.resolve("console-password");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                String password = Files.exists(file) ? Files.readString(file).strip() : "";
                if (!password.isEmpty()) {
                    return password;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Http.sleep(100);
        }
        throw new AssertionError("the host wrote no console password to " + file);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the host and waits until its health check answers 200. */
    void start() throws IOException {
        Path jar = Path.of(System.getProperty("receivables.runtime.dir", "target/runtime"), "receivables.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("host.log").toFile()));
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        process = builder.start();
        Instant deadline = started.plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the host exited with " + process.exitValue() + "; see " + directory.resolve("host.log"));
            }
            if (status("/api/v1/health") == 200) {
                return;
            }
            Http.sleep(250);
        }
        throw new AssertionError("the host did not become healthy within 60 s; see " + directory.resolve("host.log"));
    }

    /** Stops the host as an operator does, with SIGTERM, and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the host as a power cut would, with SIGKILL: nothing of it runs on, nothing is cleaned up. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, for a body that is no text, e.g. a PDF. */
    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A call as the demo tenant's key makes it, with a JSON body or, when {@code json} is null, none. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Issues an invoice of one line (TEA, 100 plus 19 % tax, NET14) ordered and issued on {@code date}; its number. */
    String issueInvoice(String customer, String orderId, LocalDate date) throws IOException, InterruptedException {
        String invoice = JSON.readTree(send("POST", "/api/v1/invoices", "{\"orderId\":\"" + orderId + "\","
                + "\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"orderDate\":\"" + date + "\","
                + "\"termsCode\":\"NET14\",\"lines\":[{\"product\":\"TEA\",\"quantity\":1,\"unitPrice\":100,"
                + "\"taxRate\":19}]}").body()).get("id").asText();
        HttpResponse<String> issued = send("POST", "/api/v1/invoices/" + invoice + "/issue",
                "{\"issueDate\":\"" + date + "\"}");
        if (issued.statusCode() != 200) {
            throw new AssertionError("issuing " + orderId + " answered " + issued.statusCode() + ": " + issued.body());
        }
        return JSON.readTree(issued.body()).get("number").asText();
    }

    /**
     * What {@code path} answers the demo tenant once {@code until} holds, polled every 25 ms; a 404 is something not
     * there yet, any other answer but 200 fails at once.
     */
    JsonNode await(String path, Predicate<JsonNode> until, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> reply = send(request(path).GET());
            if (reply.statusCode() != 404) {
                if (reply.statusCode() != 200) {
                    throw new AssertionError(path + " answered " + reply.statusCode() + ": " + reply.body());
                }
                last = JSON.readTree(reply.body());
                if (until.test(last)) {
                    return last;
                }
            }
            Http.sleep(25);
        }
        throw new AssertionError(path + " was not as expected within " + limit + ": " + last);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("X-Tenant", Http.DEFAULT_TENANT)
                .header("Authorization", "Bearer " + Http.DEFAULT_KEY);
    }

    private int status(String path) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base() + path))).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
