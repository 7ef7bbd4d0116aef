package receivables.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reference host as an operator starts it, {@code java -jar receivables.jar} in a working directory of its own
 * holding a copy of {@code receivables.runtime/etc}, on the database the benchmark gives it. The jar is the one the
 * bench build copied ({@code target/host/receivables.jar}, or from {@code -Dbench.host.dir}); the demo tenant and its
 * published key are those of the shipped configuration.
 */
final class ReferenceHost {

    static final String TENANT = "default";
    static final String KEY = "default-demo-key-change-me";
    /** Idle, the host answers within seconds; on a machine crowded by builds it took over two minutes. */
    private static final Duration STARTUP = Duration.ofSeconds(300);

    private ReferenceHost() {
    }

    /**
     * Starts the host on {@code database} and waits until its health check answers 200.
     *
     * @param jvmOptions options of the host's JVM, e.g. a flight recording
     */
    static ChildHost start(FreshDatabase database, List<String> jvmOptions) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bench.host.dir", "target/host"), "receivables.jar").toAbsolutePath();
        Path etc = Path.of(System.getProperty("bench.host.etc", "../receivables.runtime/etc")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build receivables.bench with -am (it copies the host's jar)");
        }
        ChildHost host = new ChildHost(Files.createTempDirectory("bench-host-"), jar, etc,
                Map.of("RECEIVABLES_DB_URL", database.url, "RECEIVABLES_DB_USER", database.user), jvmOptions);
        try {
            host.start();
            host.awaitHealthy(STARTUP);
        } catch (IOException | RuntimeException | InterruptedException e) {
            host.close();
            throw e;
        }
        return host;
    }
}
