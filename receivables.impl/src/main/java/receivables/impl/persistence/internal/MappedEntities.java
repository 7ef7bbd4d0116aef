package receivables.impl.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * The entity classes Hibernate maps: every class of this bundle annotated {@code @Entity}. Each feature package
 * contributes its own by annotating them, so persistence imports no feature package. bnd finds them when it builds
 * the bundle and names them in the manifest header {@value #HEADER} (see bnd.bnd): a list made at build time,
 * since scanning a bundle at run time is fragile and slow.
 *
 * <p>Read from the manifests the class loader sees, which is this bundle's own inside the framework and
 * {@code target/classes} or the jar outside it (tests, benchmarks).
 */
final class MappedEntities {

    static final String HEADER = "Receivables-Entities";

    private MappedEntities() {
    }

    static List<Class<?>> in(ClassLoader loader) {
        // A set: outside the framework the bundle's manifest may be seen twice (its jar and its test jar).
        Set<String> names = new LinkedHashSet<>();
        List<Class<?>> entities = new ArrayList<>();
        try {
            for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                names.addAll(named(manifest));
            }
            for (String name : names) {
                entities.add(loader.loadClass(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The manifest names an entity class that is not there", e);
        }
        if (entities.isEmpty()) {
            throw new IllegalStateException("No manifest names entity classes in " + HEADER + ": was the bundle built by bnd?");
        }
        return entities;
    }

    private static List<String> named(URL manifest) throws IOException {
        try (InputStream in = manifest.openStream()) {
            String header = new Manifest(in).getMainAttributes().getValue(HEADER);
            if (header == null || header.isBlank()) {
                return List.of();
            }
            return List.of(header.trim().split("\\s*,\\s*"));
        }
    }
}
