package receivables.impl.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's data directory (framework property {@code receivables.data.dir}, default {@code data}): the H2
 * database, the sealing key, the web console's first password. At start it and the places where the framework and
 * ConfigAdmin keep their files (the framework storage, {@code felix.cm.dir} when set), which hold tenants' key
 * hashes and sealed secrets, are made owner-only: directories 0700 and files 0600. ConfigAdmin writes each
 * configuration anew with the process's default mode, so its store is restricted again after every change.
 */
@Component(service = { DataDirectory.class, ConfigurationListener.class }, immediate = true)
public class DataDirectory implements ConfigurationListener {

    public static final String PROPERTY = "receivables.data.dir";
    static final String DEFAULT = "data";
    static final String FRAMEWORK_STORAGE = "org.osgi.framework.storage";
    static final String CONFIGURATION_STORE = "felix.cm.dir";
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private final Path path;
    private final Path frameworkStorage;
    private final Path configurationStore;

    @Activate
    public DataDirectory(BundleContext context) {
        this(Path.of(Optional.ofNullable(context.getProperty(PROPERTY)).filter(value -> !value.isBlank()).orElse(DEFAULT)),
                path(context.getProperty(FRAMEWORK_STORAGE)), path(context.getProperty(CONFIGURATION_STORE)));
    }

    /**
     * Takes {@code directory} as the data directory, creating it, and makes it and the stores that exist of
     * {@code frameworkStorage} and {@code configurationStore} (either may be null) owner-only.
     */
    public DataDirectory(Path directory, Path frameworkStorage, Path configurationStore) {
        this.path = directory.toAbsolutePath();
        this.frameworkStorage = frameworkStorage == null ? null : frameworkStorage.toAbsolutePath();
        this.configurationStore = configurationStore == null ? null : configurationStore.toAbsolutePath();
        create(path);
        Stream.of(this.frameworkStorage, this.configurationStore).filter(Objects::nonNull).filter(Files::isDirectory)
                .forEach(DataDirectory::restrict);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_UPDATED) {
            configurationStore(event.getReference()).filter(Files::isDirectory).ifPresent(DataDirectory::restrict);
        }
    }

    /** Where ConfigAdmin keeps configurations: {@code felix.cm.dir}, or else its bundle's data area (Felix's layout). */
    private Optional<Path> configurationStore(ServiceReference<ConfigurationAdmin> admin) {
        if (configurationStore != null) {
            return Optional.of(configurationStore);
        }
        if (frameworkStorage == null || admin == null || admin.getBundle() == null) {
            return Optional.empty();
        }
        return Optional.of(frameworkStorage.resolve("bundle" + admin.getBundle().getBundleId()).resolve("data"));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    /** The data directory, absolute; it exists and is owner-only. */
    public Path path() {
        return path;
    }

    /** Creates {@code directory} owner-only, with its missing parents. */
    static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        restrict(directory);
    }

    /** Makes {@code root} and everything below it owner-only; a file system without POSIX modes is left as it is. */
    static void restrict(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.forEach(entry -> {
                try {
                    if (!Files.isSymbolicLink(entry)) {
                        Files.setPosixFilePermissions(entry, Files.isDirectory(entry) ? DIRECTORY : FILE);
                    }
                } catch (UnsupportedOperationException notPosix) {
                    LOG.debug("{} has no POSIX permissions to restrict", entry);
                } catch (FileSystemException goneOrForeign) {
                    LOG.debug("Could not make {} owner-only: {}", entry, goneOrForeign.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not make everything in {} owner-only: {}", root, e.getMessage());
        }
    }
}
