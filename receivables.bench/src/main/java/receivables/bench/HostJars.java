package receivables.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What the start and hot-deploy benchmarks run, copied into a work directory of their own at the start, so that a
 * build of the same tree cannot swap a jar under them: the reference host as exported by receivables.runtime and
 * its shipped {@code etc/}, the bare stack made from it ({@link BareStack}) with only the framework's configurations
 * of that {@code etc/}, and the example provider bundle (receivables.payments.paylink).
 *
 * @param work the directory each started host gets a directory of its own in
 */
record HostJars(Path work, Path host, Path etc, Path bare, Path bareEtc, Path provider) {

    /** The configurations of etc/ that belong to the framework's bundles, not to ours. */
    private static final List<String> FRAMEWORK_CONFIGURATIONS = List.of("JakartarsServletWhiteboardRuntimeComponent.cfg",
            "org.apache.felix.fileinstall-deploy.cfg");

    /**
     * From {@code bench.host.dir} (default {@code target/host}, where the build copies receivables.jar and
     * receivables.payments.paylink.jar) and {@code bench.host.etc} (default {@code ../receivables.runtime/etc}).
     */
    static HostJars prepare() throws IOException {
        Path built = Path.of(System.getProperty("bench.host.dir", "target/host"));
        Path shippedEtc = Path.of(System.getProperty("bench.host.etc", "../receivables.runtime/etc"));
        Files.createDirectories(Path.of("target"));
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "hosts-");
        Path host = Files.copy(built.resolve("receivables.jar"), work.resolve("receivables.jar"));
        Path provider = Files.copy(built.resolve("receivables.payments.paylink.jar"),
                work.resolve("receivables.payments.paylink.jar"));
        Path etc = work.resolve("etc");
        Path bareEtc = work.resolve("bare-etc");
        Files.createDirectories(etc);
        Files.createDirectories(bareEtc);
        try (var files = Files.list(shippedEtc)) {
            for (Path file : files.toList()) {
                Files.copy(file, etc.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (FRAMEWORK_CONFIGURATIONS.contains(file.getFileName().toString())) {
                    Files.copy(file, bareEtc.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path bare = work.resolve("bare.jar");
        BareStack.write(host, bare);
        System.out.printf("host %s (%d MiB), bare stack %s (%d MiB), work directory %s%n", built.resolve("receivables.jar"),
                Files.size(host) >> 20, bare.getFileName(), Files.size(bare) >> 20, work);
        return new HostJars(work, host, etc, bare, bareEtc, provider);
    }
}
