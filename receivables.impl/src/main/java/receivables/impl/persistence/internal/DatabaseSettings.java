package receivables.impl.persistence.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The connection settings in force, after the environment has overridden the configuration.
 */
record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

    static final String ENV_URL = "RECEIVABLES_DB_URL";
    static final String ENV_USER = "RECEIVABLES_DB_USER";
    static final String ENV_PASSWORD = "RECEIVABLES_DB_PASSWORD";

    DatabaseSettings {
        // Flyway holds two connections while it migrates: a pool of one would wait for itself until it timed out.
        if (maxPoolSize < 2) {
            throw new IllegalArgumentException("maxPoolSize must be at least 2, was " + maxPoolSize);
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must start with jdbc:, was " + url);
        }
    }

    static DatabaseSettings resolve(DatabaseConfiguration config, Map<String, String> environment, Path dataDirectory) {
        String url = firstNonBlank(environment.get(ENV_URL), config.url(), embeddedUrl(dataDirectory));
        String user = firstNonBlank(environment.get(ENV_USER), config.user(), "");
        String password = firstNonBlank(environment.get(ENV_PASSWORD), config.password(), "");
        return new DatabaseSettings(url, user, password, config.maxPoolSize());
    }

    /**
     * WRITE_DELAY=0: H2 otherwise writes a commit up to 500 ms later, and a killed host loses what it had already
     * answered for (an invoice issued, a payment recorded, a webhook attempt).
     */
    static String embeddedUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve("receivables")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The URL as it may be shown: without query parameters, which can carry credentials. */
    String displayUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + displayUrl() + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return "";
    }
}
