package receivables.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's recipe for a stock Apache Felix: org.apache.felix.main 7.0.5 from Maven Central, the bundles of
 * receivables-bom by their coordinates into boot/ (those src/main/felix/conf/config.properties starts at levels of
 * their own) and bundle/, the reference host's etc/, started with {@code java -jar bin/felix.jar}. It becomes healthy,
 * takes a customer, logs through slf4j, and its web console refuses Felix's built-in admin/admin.
 */
class StockFelixIT {

    @TempDir
    Path home;

    @Test
    void theRecipeRunsOnStockFelix() throws Exception {
        Path recipe = Path.of(System.getProperty("receivables.install.felix-recipe", "target/felix-recipe"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of(System.getProperty("receivables.install.felix")), home.resolve("bin/felix.jar"));
        Files.createDirectories(home.resolve("conf"));
        Files.copy(recipe.resolve("conf/system.properties"), home.resolve("conf/system.properties"));
        String config = Files.readString(recipe.resolve("conf/config.properties"));
        for (String folder : List.of("boot", "bundle", "etc", "deploy")) {
            Files.createDirectories(home.resolve(folder));
        }
        List<String> bootBundles = new ArrayList<>();
        for (Coordinates coordinates : BillOfMaterials.read()) {
            String folder = config.contains("file:boot/" + coordinates.fileName()) ? "boot" : "bundle";
            Files.copy(coordinates.file(), home.resolve(folder).resolve(coordinates.fileName()));
            if (folder.equals("boot")) {
                bootBundles.add(coordinates.fileName());
            }
        }
        assertThat(bootBundles).as("bundles the recipe starts at levels of their own").hasSize(4);
        try (var files = Files.list(Path.of(System.getProperty("receivables.install.etc", "../receivables.runtime/etc")))) {
            for (Path file : files.toList()) {
                Files.copy(file, home.resolve("etc").resolve(file.getFileName()));
            }
        }
        int port = Http.freePort();
        Path data = home.resolve("var/receivables").toAbsolutePath();
        // The integrator's own values, as they would edit them in.
        Files.writeString(home.resolve("conf/config.properties"), config
                .replace("org.osgi.service.http.port=8080", "org.osgi.service.http.port=" + port)
                .replace("receivables.data.dir=/var/lib/receivables", "receivables.data.dir=" + data));

        Path log = home.resolve("felix.log");
        Process felix = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "bin/felix.jar").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            Http http = new Http(port);
            http.await("/api/v1/health", reply -> reply.statusCode() == 200 && reply.body().contains("\"UP\""),
                    Duration.ofSeconds(120), () -> Processes.alive(felix) + Processes.tail(log));

            var created = http.postJson("/api/v1/customers",
                    "{\"name\":\"Felix Integrator GmbH\",\"number\":\"C-FELIX\",\"currency\":\"EUR\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            String output = Files.readString(log);
            assertThat(output).as("slf4j found its provider").doesNotContain("No SLF4J providers were found")
                    .contains("receivables.impl").contains("Connected to H2");
            assertThat(Files.exists(data.resolve("receivables.mv.db"))).as("the H2 database in " + data).isTrue();

            String consolePassword = Files.readString(data.resolve("console-password")).strip();
            assertThat(http.getAs("/system/console/bundles", "admin", "admin").statusCode()).isEqualTo(401);
            assertThat(http.getAs("/system/console/bundles", "admin", consolePassword).statusCode()).isEqualTo(200);
        } finally {
            Processes.stop(felix);
        }
    }
}
