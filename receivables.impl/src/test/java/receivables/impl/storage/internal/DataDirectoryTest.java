package receivables.impl.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void theDataDirectoryAndTheStoresBecomeOwnerOnly(@TempDir Path root) throws Exception {
        Path store = root.resolve("felix-cache");
        Path config = Files.createDirectories(store.resolve("bundle27/data/config/receivables"));
        Path tenant = Files.writeString(config.resolve("tenant~default.config"), "apiKeys=\"x\"");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tenant, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = root.resolve("work/data");

        DataDirectory directory = new DataDirectory(data, store, root.resolve("not-there"));

        assertThat(directory.path()).isEqualTo(data.toAbsolutePath()).isDirectory();
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(DataDirectory.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(DataDirectory.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(tenant)).isEqualTo(DataDirectory.FILE);
        assertThat(root.resolve("not-there")).doesNotExist();
    }

    @Test
    void anExistingDataDirectoryWithFilesIsRestrictedToo(@TempDir Path root) throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path database = Files.writeString(data.resolve("receivables.mv.db"), "h2");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-rw-rw-"));

        new DataDirectory(data, null, null);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(DataDirectory.FILE);
        assertThat(List.of(data, database)).allMatch(Files::exists);
    }
}
