package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.ConflictException;
import receivables.api.TenantId;

/** What a unit of work runs after its transaction, on a real database. */
public abstract class UnitOfWorkContract {

    private static final TenantId TENANT = new TenantId("uow");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    protected abstract TestDatabase testDatabase();

    @Test
    void runsWhatTheWorkRegisteredOnceTheTransactionHasCommittedInTheOrderRegistered() {
        List<String> ran = new ArrayList<>();

        long counted = testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            tx.afterCommit(() -> ran.add("first"));
            long number = YearlyCounter.INVOICE.reserve(session, TENANT, 2026, 1);
            tx.afterCommit(() -> ran.add("second"));
            assertThat(ran).as("nothing runs before the commit").isEmpty();
            return number;
        });

        assertThat(counted).isEqualTo(1);
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void runsNothingForARolledBackTransaction() {
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, (Database.Change) (session, tx) -> {
            YearlyCounter.INVOICE.reserve(session, TENANT, 2026, 1);
            tx.afterCommit(() -> ran.add("announced"));
            throw new IllegalStateException("the work fails after registering");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ran).isEmpty();
        long next = testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            return YearlyCounter.INVOICE.reserve(session, TENANT, 2026, 1);
        });
        assertThat(next).as("the rolled-back transaction gave its number back").isEqualTo(1);
    }

    @Test
    void runsNothingWhenTheCommitItselfFails() {
        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            YearlyCounter.CREDIT_NOTE.reserve(session, TENANT, 2026, 1);
        });
        List<String> ran = new ArrayList<>();

        // The database refuses the duplicate counter row, and the transaction rolls back.
        assertThatThrownBy(() -> testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            tx.afterCommit(() -> ran.add("announced"));
            session.createNativeMutationQuery("insert into credit_note_number_sequence (tenant_id, fiscal_year,"
                    + " last_number) values (:tenant, 2026, 0)").setParameter("tenant", TENANT.value()).executeUpdate();
        })).isInstanceOf(ConflictException.class);

        assertThat(ran).isEmpty();
    }

    @Test
    void aFailingActionNeitherUndoesTheCommitNorStopsTheActionsAfterIt() {
        List<String> ran = new ArrayList<>();

        testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            YearlyCounter.INVOICE.reserve(session, TENANT, 2027, 1);
            tx.afterCommit(() -> {
                throw new IllegalStateException("a subscriber fails");
            });
            tx.afterCommit(() -> ran.add("second"));
        });

        assertThat(ran).containsExactly("second");
        long next = testDatabase.get().inTransaction(TENANT, (session, tx) -> {
            return YearlyCounter.INVOICE.reserve(session, TENANT, 2027, 1);
        });
        assertThat(next).as("the transaction stayed committed").isEqualTo(2);
    }
}
