package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void theEmbeddedH2FileInTheDataDirectoryIsTheDefault() {
        DatabaseSettings settings = DatabaseSettings.resolve(config("", "", ""), Map.of(), Path.of("/srv/receivables/data"));

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:/srv/receivables/data/receivables;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(settings.maxPoolSize()).isEqualTo(DatabaseConfiguration.DEFAULT_MAX_POOL_SIZE);
    }

    @Test
    void configurationSetsTheDatabaseAndTheEnvironmentOverridesIt() {
        DatabaseConfiguration config = config("jdbc:postgresql://db/ar", "ar", "pw");

        assertThat(DatabaseSettings.resolve(config, Map.of(), Path.of("data")))
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://db/ar", "ar", "pw", 10));
        assertThat(DatabaseSettings.resolve(config, Map.of(DatabaseSettings.ENV_URL, "jdbc:postgresql://other/ar",
                DatabaseSettings.ENV_PASSWORD, "env-pw"), Path.of("data")))
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://other/ar", "ar", "env-pw", 10));
    }

    @Test
    void neverShowsCredentialsFromTheUrlOrThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/ar?user=ar&password=hunter2", "ar", "pw", 5);

        assertThat(settings.displayUrl()).isEqualTo("jdbc:postgresql://db/ar");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("pw,");
    }

    @Test
    void refusesAUrlThatIsNoJdbcUrl() {
        assertThatThrownBy(() -> DatabaseSettings.resolve(config("postgres://db", "", ""), Map.of(), Path.of("data")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:");
    }

    @Test
    void refusesAPoolTooSmallForTheMigrationToRun() {
        assertThatThrownBy(() -> DatabaseSettings.resolve(config("", "", "", 1), Map.of(), Path.of("data")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize must be at least 2");
        assertThat(DatabaseSettings.resolve(config("", "", "", 2), Map.of(), Path.of("data")).maxPoolSize()).isEqualTo(2);
    }

    private static DatabaseConfiguration config(String url, String user, String password) {
        return config(url, user, password, DatabaseConfiguration.DEFAULT_MAX_POOL_SIZE);
    }

    private static DatabaseConfiguration config(String url, String user, String password, int maxPoolSize) {
        return new DatabaseConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DatabaseConfiguration.class;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public int maxPoolSize() {
                return maxPoolSize;
            }
        };
    }
}
