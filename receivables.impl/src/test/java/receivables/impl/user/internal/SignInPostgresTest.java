package receivables.impl.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.user.internal.SignInOutcome.Blocked;
import receivables.impl.user.internal.SignInOutcome.Refused;
import receivables.impl.user.internal.SignInOutcome.SignedIn;

/** Runs against the PostgreSQL server when it is reachable; reported as skipped when it is not. */
class SignInPostgresTest extends SignInContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }

    /**
     * Two nodes behind a load balancer that sends each request wherever it likes: a session begun on one is used and
     * ended on the other, and failed sign-ins of one name count together, so the backoff and the lockout hold whichever
     * node a guess reaches. Sessions and sign-in bookkeeping live only in the database, never in a node's memory.
     */
    @Test
    void twoNodesOnOneDatabaseShareSessionsAndCountFailedSignInsTogether() {
        signedUp();
        SignIns other = signIns(testDatabase.anotherNode());

        SignedIn signedIn = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        assertThat(other.session(signedIn.cookie())).as("a session begun on the first node, on the second").isPresent();
        other.signOut(signedIn.cookie());
        assertThat(signIns.session(signedIn.cookie())).as("signed out on the second node, on the first").isEmpty();

        assertThat(signIns.signIn("alpha", attempt("jane", "wrong password 1", null, null))).isInstanceOf(Refused.class);
        assertThat(other.signIn("alpha", attempt("jane", "wrong password 2", null, null)))
                .as("the other node's backoff").isEqualTo(new Blocked(2, false));
        clock.advance(Duration.ofSeconds(2));
        assertThat(other.signIn("alpha", attempt("jane", "wrong password 2", null, null))).isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(4));
        assertThat(signIns.signIn("alpha", attempt("jane", "wrong password 3", null, null))).isInstanceOf(Refused.class);
        assertThat(other.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null)))
                .as("locked out after three failures on two nodes").isEqualTo(new Blocked(15 * 60, true));
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null))).isEqualTo(new Blocked(15 * 60, true));
    }
}
