package receivables.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Karaf recipe on a stock Apache Karaf 4.4.10 unpacked from its Maven Central tar.gz: the two framework
 * settings a feature cannot carry, then {@code feature:repo-add} and {@code feature:install receivables} through
 * {@code bin/client}. The host becomes healthy, takes a customer, answers a Gogo command of ours, offers the example provider bundle once it is
 * dropped into Karaf's deploy/, and keeps its data outside Karaf's data/. Karaf resolves bundles only from the local
 * repository and this build's own bundles (no remote repository), as a build that ran once online has them.
 */
class KarafInstallIT {

    private static final String KARAF = "apache-karaf-4.4.10";
    private static final String USER = "installer";
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();

    @TempDir
    Path work;

    @Test
    void theFeatureInstallsIntoStockKaraf() throws Exception {
        run(Duration.ofSeconds(120), work, "tar", "-xzf", System.getProperty("receivables.install.karaf"));
        Path karaf = work.resolve(KARAF);
        Path data = work.resolve("receivables-data").toAbsolutePath();
        int http = Http.freePort();
        int ssh = Http.freePort();
        configure(karaf, data, http, ssh);

        Path log = work.resolve("karaf.log");
        ProcessBuilder builder = new ProcessBuilder(karaf.resolve("bin/karaf").toString(), "server")
                .directory(karaf.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try {
            Http.waitFor(() -> listening(ssh), Duration.ofSeconds(120),
                    () -> "Karaf's shell on port " + ssh + "; " + Processes.alive(process) + Processes.tail(log));
            String features = "mvn:dev.receivables/receivables.install/" + version() + "/xml/features";
            String installed = client(karaf, ssh, "feature:repo-add " + features, "feature:install receivables",
                    "feature:list -i");
            assertThat(installed).containsPattern("(?m)^receivables\\s.*Started");

            Http api = new Http(http);
            api.await("/api/v1/health", reply -> reply.statusCode() == 200 && reply.body().contains("\"UP\""),
                    Duration.ofSeconds(120), () -> Processes.alive(process) + Processes.tail(karaf.resolve("data/log/karaf.log")));
            var created = api.postJson("/api/v1/customers",
                    "{\"name\":\"Karaf Integrator GmbH\",\"number\":\"C-KARAF\",\"currency\":\"EUR\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(api.get(created.headers().firstValue("Location").orElseThrow()
                    .replaceFirst("^https?://[^/]+", "")).body()).contains("C-KARAF");
            // The admins' Gogo commands, in Karaf's shell (which prints a command's value only when interactive).
            assertThat(client(karaf, ssh, "echo (receivables:tenants)")).contains("Default tenant").contains("bank-reconciliation");
            assertThat(Files.readString(karaf.resolve("data/log/karaf.log"))).as("our logging in Karaf's log")
                    .containsPattern("receivables\\.impl - .*Connected to H2");

            // A vendor's provider bundle, hot-deployed the Karaf way, for a tenant that has an account with it.
            Files.writeString(karaf.resolve("etc/receivables.provider.account-default-paylink.cfg"), """
                    tenant = default
                    provider = paylink
                    settings = pageUrl=https://pay.example/link
                    secrets = signingKey=paylink-signing-key-of-default
                    """);
            Files.copy(new Coordinates("dev.receivables", "receivables.payments.paylink", version(), null, "jar").file(),
                    karaf.resolve("deploy/receivables.payments.paylink.jar"));
            api.await("/api/v1/payment-providers", reply -> reply.statusCode() == 200 && reply.body().contains("\"paylink\""),
                    Duration.ofSeconds(60), () -> Processes.tail(karaf.resolve("data/log/karaf.log")));

            assertThat(data.resolve("receivables.mv.db")).exists();
            assertThat(data.resolve("secret.key")).exists();
            try (Stream<Path> cache = Files.walk(karaf.resolve("data"))) {
                assertThat(cache.map(path -> path.getFileName().toString()))
                        .as("nothing of receivables in Karaf's data/")
                        .doesNotContain("receivables.mv.db", "secret.key", "console-password");
            }
        } finally {
            Processes.stop(process);
        }
    }

    /** What the README tells an integrator to set, and what a test on a shared machine needs: ports of its own. */
    private static void configure(Path karaf, Path data, int http, int ssh) throws IOException {
        Path etc = karaf.resolve("etc");
        // The Jakarta REST whiteboard imports org.osgi.service.condition, which Felix provides but Karaf does not export.
        Path config = etc.resolve("config.properties");
        String extra = "org.osgi.framework.system.packages.extra = \\\n";
        String framework = Files.readString(config);
        assertThat(framework).contains(extra);
        Files.writeString(config, framework.replace(extra, extra + "    org.osgi.service.condition;version=\"1.0.0\", \\\n"));
        append(etc.resolve("system.properties"), "\norg.osgi.service.http.port = " + http
                + "\nreceivables.data.dir = " + data + "\n");
        append(etc.resolve("org.apache.karaf.shell.cfg"), "\nsshPort = " + ssh + "\nsshHost = 127.0.0.1\n");
        append(etc.resolve("org.apache.karaf.management.cfg"), "\nrmiRegistryPort = " + Http.freePort()
                + "\nrmiServerPort = " + Http.freePort() + "\nrmiRegistryHost = 127.0.0.1\nrmiServerHost = 127.0.0.1\n");
        // Only the local repository and this build's bundles: the test never downloads.
        Path repository = Path.of(System.getProperty("receivables.install.repository", "target/reactor-repository")).toAbsolutePath();
        Files.copy(Path.of(System.getProperty("receivables.install.features", "target/features/features.xml")),
                Files.createDirectories(repository.resolve("dev/receivables/receivables.install/" + version()))
                        .resolve("receivables.install-" + version() + "-features.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        String local = Path.of(System.getProperty("receivables.install.local-repository")).toUri().toString();
        append(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "\norg.ops4j.pax.url.mvn.localRepository = "
                + System.getProperty("receivables.install.local-repository")
                + "\norg.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                + repository.toUri() + "@id=receivables@snapshots, " + local + "@id=local@snapshots"
                + "\norg.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central"
                + "\norg.ops4j.pax.url.mvn.offline = true\n");
        // An administrator of the test's own, whatever the distribution ships in users.properties.
        append(etc.resolve("users.properties"), "\n" + USER + " = " + PASSWORD + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        // The reference host's demo tenant, whose published key the test uses.
        Files.copy(Path.of(System.getProperty("receivables.install.etc", "../receivables.runtime/etc"), "receivables.tenant-default.cfg"),
                etc.resolve("receivables.tenant-default.cfg"));
    }

    /** Runs Karaf shell commands through bin/client in batch mode (commands on standard input, one per line). */
    private static String client(Path karaf, int ssh, String... commands) throws Exception {
        Path output = Files.createTempFile(karaf, "client", ".log");
        Path input = Files.writeString(Files.createTempFile(karaf, "client", ".commands"), String.join("\n", commands) + "\n");
        ProcessBuilder builder = new ProcessBuilder(karaf.resolve("bin/client").toString(), "-a", String.valueOf(ssh),
                "-h", "127.0.0.1", "-u", USER, "-p", PASSWORD, "-r", "30", "-d", "2", "-b")
                .directory(karaf.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(input.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        if (!client.waitFor(240, TimeUnit.SECONDS)) {
            Processes.stop(client);
            throw new AssertionError("bin/client did not finish within 240 s: " + Files.readString(output));
        }
        String text = Files.readString(output);
        assertThat(client.exitValue()).as(text).isZero();
        assertThat(text).as("bin/client output").doesNotContainIgnoringCase("error");
        return text;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static String version() {
        return System.getProperty("receivables.install.version", "0.1.0-SNAPSHOT");
    }

    private static void run(Duration within, Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(List.of(command) + " failed");
        }
    }
}
