package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import receivables.api.ConflictException;
import receivables.api.TenantId;

/**
 * {@link Database#once}: key, create, replay. The database here commits a map of keys; a transaction that
 * {@link #racedBy} names loses its commit to a concurrent one that created under the same key first.
 */
class IdempotentCommandTest {

    private static final TenantId TENANT = new TenantId("t");

    private final Map<String, String> committed = new HashMap<>();
    private final List<String> created = new ArrayList<>();
    private String racedBy;

    private final Database database = new Database() {
        @Override
        public <T> T inTransaction(TenantId tenant, Work<T> work) {
            T result = work.run(null, new UnitOfWork() {
                @Override
                public void afterCommit(Runnable action) {
                }

                @Override
                public void beforeCommit(Consumer<Session> finishing) {
                }

                @Override
                public <S> S shared(Class<S> kind, Supplier<S> create) {
                    return create.get();
                }
            });
            if (racedBy != null) {
                committed.put("k", racedBy);
                racedBy = null;
                throw new ConflictException("the unique key refuses the second creation");
            }
            return result;
        }

        @Override
        public <T> T inInstallationTransaction(Work<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(Session session, NewRows rows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatabaseStatus status() {
            throw new UnsupportedOperationException();
        }
    };

    private String command(String key, String content) {
        return database.once(TENANT, key, (session, earlierKey) -> Optional.ofNullable(committed.get(earlierKey))
                .map(earlier -> {
                    if (!earlier.equals(content)) {
                        throw new ConflictException("key " + earlierKey + " was used for " + earlier);
                    }
                    return "replayed " + earlier;
                }), (session, tx) -> {
                    created.add(content);
                    if (key != null && racedBy == null) {
                        committed.put(key, content);
                    }
                    return "created " + content;
                });
    }

    @Test
    void createsOnceAndReplaysTheSameCommand() {
        assertThat(command("k", "pay 10")).isEqualTo("created pay 10");
        assertThat(command("k", "pay 10")).isEqualTo("replayed pay 10");
        assertThat(created).containsExactly("pay 10");
    }

    @Test
    void refusesADifferentCommandUnderAKeyUsedBefore() {
        command("k", "pay 10");

        assertThatThrownBy(() -> command("k", "pay 20")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("was used for pay 10");
    }

    @Test
    void readsAgainWhatAConcurrentCommandWithTheSameKeyCommitted() {
        racedBy = "pay 10";

        assertThat(command("k", "pay 10")).isEqualTo("replayed pay 10");
        assertThat(committed).containsEntry("k", "pay 10");
    }

    @Test
    void refusesWhenAConcurrentCommandUsedTheKeyForSomethingElse() {
        racedBy = "pay 99";

        assertThatThrownBy(() -> command("k", "pay 10")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("was used for pay 99");
    }

    @Test
    void withoutAKeyCreatesEveryTime() {
        assertThat(command(null, "pay 10")).isEqualTo("created pay 10");
        assertThat(command(null, "pay 10")).isEqualTo("created pay 10");
        assertThat(created).hasSize(2);
    }
}
