package receivables.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An executable host jar started as the README starts the reference host, {@code java -jar receivables.jar} in a
 * working directory of its own with a copy of an {@code etc/}, as a child process of the benchmark. Only the HTTP
 * port is set from outside, and what the caller gives: the start benchmark gives the JVM no options, so ours and
 * the bare stack run alike.
 */
final class ChildHost implements AutoCloseable {

    /** How often a wait asks the host: often enough that the asking adds little to what is timed. */
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path directory;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int port;
    private Process process;
    private long startedNanos;

    /** {@code jar} started in a fresh working directory {@code directory} with a copy of the files of {@code etc}. */
    ChildHost(Path directory, Path jar, Path etc) throws IOException {
        this(directory, jar, etc, Map.of(), List.of());
    }

    /** As above, with {@code environment} added to the process's and {@code jvmOptions} given to its JVM. */
    ChildHost(Path directory, Path jar, Path etc, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        this.directory = directory;
        this.jar = jar.toAbsolutePath();
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.port = freePort();
        Files.createDirectories(directory.resolve("etc"));
        Files.createDirectories(directory.resolve("deploy"));
        try (var files = Files.list(etc)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Path deploy() {
        return directory.resolve("deploy");
    }

    Path etc() {
        return directory.resolve("etc");
    }

    /** Starts the process; {@link #awaitStatus} then times from this moment. */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dorg.osgi.service.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("host.log").toFile()));
        builder.environment().putAll(environment);
        startedNanos = System.nanoTime();
        process = builder.start();
    }

    /** Nanoseconds from {@link #start} until {@code path} first answered 200; fails after {@code limit}. */
    long awaitHealthy(Duration limit) throws InterruptedException {
        return awaitAnswer("/api/v1/health", List.of(), reply -> reply.statusCode() == 200, limit) - startedNanos;
    }

    /**
     * {@link System#nanoTime} when a GET of {@code path} with {@code headers} first gave an answer that
     * {@code wanted} accepts, asked every 10 ms; fails when the process ends or after {@code limit}.
     */
    long awaitAnswer(String path, List<String> headers, Predicate<HttpResponse<String>> wanted, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the host exited with " + process.exitValue() + "; see " + log());
            }
            long asked = System.nanoTime();
            HttpResponse<String> reply = get(path, headers);
            if (reply != null && wanted.test(reply)) {
                return System.nanoTime();
            }
            long rest = POLL_NANOS - (System.nanoTime() - asked);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        }
        throw new IllegalStateException("no wanted answer from " + path + " within " + limit + "; see " + log());
    }

    /** The answer to a GET of {@code path}, null when the host does not answer yet. */
    HttpResponse<String> get(String path, List<String> headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path directory() {
        return directory;
    }

    /** The CPU time the host's process used so far, in nanoseconds. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The process's resident memory, VmRSS of /proc/&lt;pid&gt;/status, in MiB. */
    double residentMebibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    Path log() {
        return directory.resolve("host.log");
    }

    /** Stops the host as an operator does, with SIGTERM, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
