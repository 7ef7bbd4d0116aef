package receivables.impl.storage.internal;

import java.nio.file.Path;
import java.util.List;

public final class DataDirectoryFixture {

    private DataDirectoryFixture() {
    }

    /** The data directory at {@code path}, with {@code stores} restricted as the framework's would be. */
    public static DataDirectory at(Path path, Path... stores) {
        DataDirectory directory = new DataDirectory();
        directory.open(path, List.of(stores));
        return directory;
    }
}
