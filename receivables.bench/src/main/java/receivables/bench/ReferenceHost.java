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
import java.util.concurrent.TimeUnit;

/**
 * The reference host as an operator starts it, {@code java -jar receivables.jar} in a working directory of its own
 * holding a copy of {@code receivables.runtime/etc}, on the database the benchmark gives it. The jar is the one the
 * bench build copied ({@code target/host/receivables.jar}, or from {@code -Dbench.host.dir}); the demo tenant and its
 * published key are those of the shipped configuration.
 */
final class ReferenceHost implements AutoCloseable {

    static final String TENANT = "default";
    static final String KEY = "default-demo-key-change-me";
    /** Idle, the host answers within seconds; on a machine crowded by builds it took over two minutes. */
    private static final int STARTUP_SECONDS = 300;

    private final Path directory;
    private final int port;
    private final Process process;

    private ReferenceHost(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the host on {@code database} and waits until its health check answers 200.
     *
     * @param jvmOptions options of the host's JVM, e.g. a flight recording
     */
    static ReferenceHost start(FreshDatabase database, List<String> jvmOptions) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bench.host.dir", "target/host"), "receivables.jar").toAbsolutePath();
        Path etc = Path.of(System.getProperty("bench.host.etc", "../receivables.runtime/etc")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build receivables.bench with -am (it copies the host's jar)");
        }
        Path directory = Files.createTempDirectory("bench-host-");
        Files.createDirectories(directory.resolve("etc"));
        try (var files = Files.list(etc)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dorg.osgi.service.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("host.log").toFile());
        builder.environment().put("RECEIVABLES_DB_URL", database.url);
        builder.environment().put("RECEIVABLES_DB_USER", database.user);
        ReferenceHost host = new ReferenceHost(directory, port, builder.start());
        try {
            host.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            host.close();
            throw e;
        }
        return host;
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

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the host exited with " + process.exitValue() + "; see "
                        + directory.resolve("host.log"));
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the host did not become healthy within " + STARTUP_SECONDS + " s; see "
                + directory.resolve("host.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
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
