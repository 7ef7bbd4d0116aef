package receivables.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundles of the reference host as its {@code receivables.bndrun} lists them ({@code -runbundles}: symbolic
 * name and version range), and what a bundle jar says about itself.
 */
final class RuntimeSet {

    private static final Pattern RUNBUNDLE = Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+);version='\\[([^,]+),([^)]+)\\)'");

    private RuntimeSet() {
    }

    /** Symbolic name to the lowest version {@code -runbundles} admits (its ranges are one micro version wide). */
    static Map<String, String> runbundles() {
        Path bndrun = Path.of(System.getProperty("receivables.install.bndrun", "../receivables.runtime/receivables.bndrun"));
        Map<String, String> bundles = new LinkedHashMap<>();
        boolean inList = false;
        try {
            for (String line : Files.readAllLines(bndrun)) {
                if (line.startsWith("-runbundles:")) {
                    inList = true;
                    continue;
                }
                if (inList) {
                    Matcher matcher = RUNBUNDLE.matcher(line);
                    if (!matcher.find()) {
                        break;
                    }
                    bundles.put(matcher.group(1), matcher.group(2));
                    if (!line.stripTrailing().endsWith("\\")) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bundles.size() < 50) {
            throw new AssertionError("read only " + bundles.size() + " bundles from -runbundles of " + bndrun);
        }
        return bundles;
    }

    /** A bundle jar's symbolic name (without directives) and version, normalized to three parts. */
    record Identity(String symbolicName, String version) {

        static Identity of(Path jar) {
            try (JarFile file = new JarFile(jar.toFile())) {
                var attributes = file.getManifest().getMainAttributes();
                String name = attributes.getValue("Bundle-SymbolicName");
                if (name == null) {
                    throw new AssertionError(jar + " is no bundle (no Bundle-SymbolicName)");
                }
                return new Identity(name.split(";")[0].trim(), normalized(attributes.getValue("Bundle-Version")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether this bundle is the one {@code -runbundles} names with {@code lowest} as its range's floor. */
        boolean matches(String lowest) {
            return version.equals(normalized(lowest));
        }
    }

    /** major.minor.micro of an OSGi version, the qualifier dropped (bnd's ranges ignore it). */
    static String normalized(String version) {
        String[] parts = (version == null ? "0" : version.trim()).split("\\.");
        StringBuilder normal = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            normal.append(i == 0 ? "" : ".").append(i < parts.length ? parts[i] : "0");
        }
        return normal.toString();
    }
}
