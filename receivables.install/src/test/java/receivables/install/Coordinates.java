package receivables.install;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Maven artifact and where this build finds it: bundles of this reactor in the repository the build copies them
 * into (never the local repository), everything else in the local repository, where the reference host's build
 * resolved it.
 */
record Coordinates(String groupId, String artifactId, String version, String classifier, String type) {

    static Coordinates jar(String groupId, String artifactId, String version) {
        return new Coordinates(groupId, artifactId, version, null, "jar");
    }

    /** {@code mvn:group/artifact/version[/type[/classifier]]}, as Karaf writes them. */
    static Coordinates ofUrl(String url) {
        String[] parts = url.substring("mvn:".length()).split("/");
        return new Coordinates(parts[0], parts[1], parts[2], parts.length > 4 ? parts[4] : null,
                parts.length > 3 ? parts[3] : "jar");
    }

    String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    Path relativePath() {
        return Path.of(groupId.replace('.', '/'), artifactId, version, fileName());
    }

    Path file() {
        Path reactor = Path.of(System.getProperty("receivables.install.repository", "target/reactor-repository"));
        Path local = Path.of(System.getProperty("receivables.install.local-repository",
                System.getProperty("user.home") + "/.m2/repository"));
        Path file = (groupId.equals("dev.receivables") ? reactor : local).resolve(relativePath());
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(this + " is not at " + file);
        }
        return file;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
