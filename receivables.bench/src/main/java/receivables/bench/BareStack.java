package receivables.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import receivables.bench.bare.DeployedResource;
import receivables.bench.bare.HealthResource;
import receivables.bench.bare.ResourceActivator;

/**
 * The framework stack without us, made from the reference host's own executable jar: the same bnd launcher, the
 * same framework properties and start levels and the same third-party bundles (Felix, SCR, ConfigAdmin,
 * FileInstall, Jetty, the Jakarta REST whiteboard with Jersey, Hibernate, Flyway, H2, PostgreSQL, ...), but none
 * of the {@code receivables.*} bundles; in their place one bundle whose activator registers a health resource
 * with the whiteboard. The bundles are copied byte for byte, stored or deflated as they were.
 */
final class BareStack {

    static final String HEALTH_BUNDLE = "jar/bench.bare.health.jar";

    private BareStack() {
    }

    /** Writes to {@code bare} the jar {@code host} without our bundles and with the health bundle. */
    static void write(Path host, Path bare) throws IOException {
        try (JarFile in = new JarFile(host.toFile());
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(bare), in.getManifest())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.equals(JarFile.MANIFEST_NAME) || ours(name)) {
                    continue;
                }
                if (name.equals("launcher.properties")) {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream properties = in.getInputStream(entry)) {
                        withoutOurs(properties, out);
                    }
                } else {
                    JarEntry copy = new JarEntry(entry);
                    if (copy.getMethod() == ZipEntry.DEFLATED) {
                        copy.setCompressedSize(-1);
                    }
                    out.putNextEntry(copy);
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(HEALTH_BUNDLE));
            out.write(bundle("bench.bare.health", "health"));
            out.closeEntry();
        }
    }

    /**
     * A bundle of {@link ResourceActivator} that serves {@code resource} ({@code health} or {@code deployed}, see
     * there), as a jar's bytes.
     */
    static byte[] bundle(String symbolicName, String resource) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", ResourceActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework;version=\"[1.8,2)\",jakarta.ws.rs;version=\"[3,4)\","
                + "jakarta.ws.rs.core;version=\"[3,4)\"");
        main.putValue(ResourceActivator.RESOURCE_HEADER, resource);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : List.of(ResourceActivator.class, HealthResource.class, DeployedResource.class)) {
                String file = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(file));
                try (InputStream content = type.getClassLoader().getResourceAsStream(file)) {
                    content.transferTo(jar);
                }
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One of our bundles in the host jar, e.g. {@code jar/receivables.impl-0.1.0.jar}. */
    private static boolean ours(String entry) {
        return entry.startsWith("jar/receivables.");
    }

    /**
     * The launcher's properties with our bundles taken out of its two parallel lists, the bundle files and their
     * attributes (start levels), and the health bundle added at the start level of the others.
     */
    private static void withoutOurs(InputStream in, OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        String[] files = properties.getProperty("launch.bundles").split(",");
        String[] attributes = properties.getProperty("launch.runbundles.attrs").split(",(?=[A-Za-z])");
        if (files.length != attributes.length) {
            throw new IllegalStateException("launch.bundles and launch.runbundles.attrs differ in length: "
                    + files.length + " and " + attributes.length);
        }
        List<String> keptFiles = new ArrayList<>();
        List<String> keptAttributes = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            if (!ours(files[i].trim())) {
                keptFiles.add(files[i].trim());
                keptAttributes.add(attributes[i]);
            }
        }
        if (keptFiles.size() == files.length) {
            throw new IllegalStateException("no bundle of ours in the host's launch.bundles: " + List.of(files));
        }
        keptFiles.add(HEALTH_BUNDLE);
        keptAttributes.add("bench.bare.health;version=\"1.0.0\";startlevel=10");
        properties.setProperty("launch.bundles", String.join(",", keptFiles));
        properties.setProperty("launch.runbundles.attrs", String.join(",", keptAttributes));
        properties.store(out, "the reference host without receivables bundles (receivables.bench)");
    }
}
