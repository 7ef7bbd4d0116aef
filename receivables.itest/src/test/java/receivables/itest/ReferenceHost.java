package receivables.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot Felix with exactly the bundles, start levels and framework properties of the
 * exported reference host ({@code receivables.runtime/target/receivables.jar}), overriding only the HTTP
 * port and the data, deploy and configuration directories, so that the tests run the product as shipped.
 */
final class ReferenceHost {

    static final String PORT_PROPERTY = "org.osgi.service.http.port";
    static final String DATA_PROPERTY = "receivables.data.dir";
    static final String DEPLOY_PROPERTY = "receivables.deploy.dir";
    private static final Pattern START_LEVEL = Pattern.compile("^([^;]+);.*startlevel=(\\d+)");

    private final Path runtime = Path.of(System.getProperty("receivables.runtime.dir", "target/runtime"));
    private final Path etc = Path.of(System.getProperty("receivables.runtime.etc", "../receivables.runtime/etc"));
    private final Path work;
    private final int port;

    ReferenceHost(String name) {
        this.work = Path.of("target", "it", name + "-" + UUID.randomUUID()).toAbsolutePath();
        this.port = freePort();
        try {
            Files.createDirectories(work.resolve("deploy"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle of the reference host but those {@code excluded} names by file name. */
    Option[] options(Predicate<String> excluded, Map<String, String> extraProperties) {
        Properties launcher = launcherProperties();
        List<Option> options = new ArrayList<>();
        launcher.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("launch.") && !key.equals("org.osgi.framework.startlevel.beginning"))
                .forEach(key -> options.add(frameworkProperty(key).value(launcher.getProperty(key))));
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(PORT_PROPERTY, Integer.toString(port));
        overrides.put(DATA_PROPERTY, work.resolve("data").toString());
        overrides.put(DEPLOY_PROPERTY, work.resolve("deploy").toString());
        overrides.put("felix.fileinstall.dir", etc.toAbsolutePath().normalize().toString());
        overrides.putAll(extraProperties);
        overrides.forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        // slf4j-simple in the framework reads system properties.
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));

        String[] files = launcher.getProperty("launch.bundles").split(",");
        String[] attributes = launcher.getProperty("launch.runbundles.attrs").split(",(?=[A-Za-z])");
        for (int i = 0; i < files.length; i++) {
            String file = files[i].trim();
            if (excluded.test(Path.of(file).getFileName().toString())) {
                continue;
            }
            Matcher level = START_LEVEL.matcher(attributes[i]);
            int startLevel = level.find() ? Integer.parseInt(level.group(2)) : 10;
            Path jar = runtime.resolve(file);
            options.add(bundle(jar.toUri().toString()).startLevel(startLevel).start(!isFragment(jar)));
        }
        options.add(junitBundles());
        options.add(frameworkStartLevel(Integer.parseInt(launcher.getProperty("org.osgi.framework.startlevel.beginning"))));
        return options.toArray(Option[]::new);
    }

    Option[] options() {
        return options(file -> false, Map.of());
    }

    /** A bundle of the reference host as a file, for tests that deploy it themselves. */
    Path bundleFile(String fileNamePrefix) {
        try (var files = Files.list(runtime.resolve("jar"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(fileNamePrefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bundle " + fileNamePrefix + " in " + runtime));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties launcherProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(runtime.resolve("launcher.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("run 'mvn package' first: the itest reads the exported reference host", e);
        }
        return properties;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
