package receivables.impl.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.util.converter.Converters;

import receivables.api.ConflictException;
import receivables.api.InvalidRequestException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.FieldChange;
import receivables.api.people.IssuedPassword;
import receivables.api.people.Role;
import receivables.api.people.User;
import receivables.api.people.UserRequest;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.background.internal.Leases;
import receivables.impl.background.internal.TestLeases;
import receivables.impl.intent.internal.MovableClock;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.tenant.internal.TestTenants;
import receivables.impl.user.internal.SignInOutcome.Blocked;
import receivables.impl.user.internal.SignInOutcome.PasswordChangeRequired;
import receivables.impl.user.internal.SignInOutcome.Refused;
import receivables.impl.user.internal.SignInOutcome.SecondFactorRequired;
import receivables.impl.user.internal.SignInOutcome.SignedIn;

/**
 * Built-in users and their sign-in on every database we support: users administered and audited, one-time passwords,
 * backoff and lockout per user name, TOTP, sessions with idle and absolute timeouts. Each subclass supplies one
 * database.
 */
abstract class SignInContract {

    static final TenantId ALPHA = new TenantId("alpha");
    static final String OWN_PASSWORD = "a password of my own";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    MovableClock clock;
    SignIns signIns;
    StoredUsers users;

    abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() {
        clock = new MovableClock(START);
        HibernateDatabase database = testDatabase.get();
        PersonalDataKeys keys = TestDatabases.personalDataKeys(database);
        signIns = signIns(database);
        users = new StoredUsers(database, keys, signIns, clock);
    }

    /** The sign-in of one node on {@code database}: three failures lock a name out for 15 minutes. */
    SignIns signIns(HibernateDatabase database) {
        return new SignIns(database, TestDatabases.personalDataKeys(database), TestTenants.withFeatures(ALPHA, "dunning"),
                new SignIns.Settings(3, Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofMinutes(30),
                        Duration.ofHours(12), Duration.ofDays(3), 12, Duration.ofDays(1)), clock);
    }

    @Test
    void aNewUserSignsInWithTheOneTimePasswordOnlyToReplaceIt() {
        IssuedPassword issued = users.create(ALPHA, jane());
        assertThat(issued.user().passwordChangeRequired()).isTrue();
        assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofDays(3)));

        assertThat(signIns.signIn("alpha", attempt("Jane", issued.oneTimePassword(), null, null)))
                .isInstanceOf(PasswordChangeRequired.class);
        assertThatThrownBy(() -> signIns.signIn("alpha", attempt("jane", issued.oneTimePassword(), null, "short")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("newPassword");
        SignInOutcome outcome = signIns.signIn("alpha", attempt("jane", issued.oneTimePassword(), null, OWN_PASSWORD));

        assertThat(outcome).isInstanceOf(SignedIn.class);
        SignedIn signedIn = (SignedIn) outcome;
        assertThat(signedIn.user().passwordChangeRequired()).isFalse();
        assertThat(signedIn.user().roles()).containsExactlyInAnyOrder(Role.CLERK, Role.COLLECTOR);
        assertThat(signIns.session(signedIn.cookie()).orElseThrow().caller().roles())
                .containsExactlyInAnyOrder(Role.CLERK, Role.COLLECTOR);
        assertThat(signIns.signIn("alpha", attempt("jane", issued.oneTimePassword(), null, null)))
                .isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(SignedIn.class);
    }

    @Test
    void aOneTimePasswordStopsWorkingWhenItExpires() {
        IssuedPassword issued = users.create(ALPHA, jane());
        clock.advance(Duration.ofDays(3));

        assertThat(signIns.signIn("alpha", attempt("jane", issued.oneTimePassword(), null, OWN_PASSWORD)))
                .isInstanceOf(Refused.class);
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameAnswerAndTheSameBackoffAndLockout() {
        signedUp();
        for (String name : List.of("jane", "nobody")) {
            assertThat(signIns.signIn("alpha", attempt(name, "wrong password 1", null, null))).isInstanceOf(Refused.class);
            assertThat(signIns.signIn("alpha", attempt(name, "wrong password 2", null, null)))
                    .isEqualTo(new Blocked(2, false));
            clock.advance(Duration.ofSeconds(2));
            assertThat(signIns.signIn("alpha", attempt(name, "wrong password 2", null, null))).isInstanceOf(Refused.class);
            clock.advance(Duration.ofSeconds(4));
            assertThat(signIns.signIn("alpha", attempt(name, "wrong password 3", null, null))).isInstanceOf(Refused.class);
            assertThat(signIns.signIn("alpha", attempt(name, OWN_PASSWORD, null, null)))
                    .isEqualTo(new Blocked(15 * 60, true));
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(SignedIn.class);
        assertThat(signIns.signIn("alpha", attempt("jane", "wrong password 4", null, null))).isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIns.signIn("alpha", attempt("jane", "wrong password 5", null, null)))
                .as("a success starts the count afresh").isInstanceOf(Refused.class);
    }

    @Test
    void anUnknownOrDisabledTenantOrDisabledUserIsRefusedLikeAWrongPassword() {
        User jane = signedUp();
        assertThat(signIns.signIn("beta", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(Refused.class);
        assertThat(signIns.signIn("Not A Tenant!", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(Refused.class);

        SignedIn before = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        users.update(ALPHA, jane.id(), new UserRequest(null, "Jane Doe", null, Set.of(Role.CLERK), false), null);

        assertThat(signIns.session(before.cookie())).as("disabling ends the sessions").isEmpty();
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(Refused.class);
    }

    @Test
    void aSecondFactorIsEnrolledConfirmedAndThenAskedForEachCodeOnce() {
        signedUp();
        SignedIn first = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        ActiveSession active = signIns.session(first.cookie()).orElseThrow();
        SignIns.TotpEnrolment enrolment = signIns.enrolTotp(active);
        assertThat(enrolment.uri()).startsWith("otpauth://totp/receivables%20alpha:jane?secret=" + enrolment.secret());
        assertThatThrownBy(() -> signIns.confirmTotp(active, "000000".equals(code(enrolment, 0)) ? "111111" : "000000"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null)))
                .as("unconfirmed, the factor is not asked for").isInstanceOf(SignedIn.class);

        signIns.confirmTotp(active, code(enrolment, 0));
        assertThatThrownBy(() -> signIns.enrolTotp(active)).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofSeconds(30));

        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null)))
                .isInstanceOf(SecondFactorRequired.class);
        assertThat(signIns.signIn("alpha", attempt("jane", "wrong password 1", null, null)))
                .as("a wrong password is no hint that a factor exists").isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, code(enrolment, 0), null)))
                .isInstanceOf(SignedIn.class);
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, code(enrolment, 0), null)))
                .as("a code is good once").isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, code(enrolment, 0), null)))
                .isInstanceOf(SignedIn.class);
    }

    @Test
    void aTenantAdminResetsAPasswordAndRemovesASecondFactor() {
        User jane = signedUp();
        SignedIn before = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        signIns.confirmTotp(signIns.session(before.cookie()).orElseThrow(),
                code(signIns.enrolTotp(signIns.session(before.cookie()).orElseThrow()), 0));

        IssuedPassword reset = users.resetPassword(ALPHA, jane.id());
        users.removeSecondFactor(ALPHA, jane.id());

        assertThat(signIns.session(before.cookie())).as("a reset ends the sessions").isEmpty();
        assertThat(signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null))).isInstanceOf(Refused.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIns.signIn("alpha", attempt("jane", reset.oneTimePassword(), null, "another one of my own")))
                .isInstanceOf(SignedIn.class);
    }

    @Test
    void aSessionEndsWhenIdleWhenTooOldAndWhenSignedOut() {
        signedUp();
        SignedIn idle = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        SignedIn busy = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        for (int use = 0; use < 24; use++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(signIns.session(busy.cookie())).as("used every 29 minutes").isPresent();
        }
        assertThat(signIns.session(idle.cookie())).as("idle for more than 30 minutes").isEmpty();
        clock.advance(Duration.ofHours(12).minus(Duration.ofMinutes(29 * 24)));
        assertThat(signIns.session(busy.cookie())).as("twelve hours after sign-in").isEmpty();

        SignedIn last = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        signIns.signOut(last.cookie());
        assertThat(signIns.session(last.cookie())).isEmpty();
    }

    @Test
    void theSessionIsStoredOnlyAsAHashAndItsCsrfTokenIsDerivedFromTheCookie() {
        signedUp();
        SignedIn signedIn = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        String token = signedIn.cookie().value().substring("alpha.".length());

        assertThat(column("select count(*) from user_session where token_hash = '" + signedIn.cookie().hash() + "'"))
                .isEqualTo("1");
        assertThat(column("select count(*) from user_session where token_hash like '%" + token.substring(0, 8) + "%'"))
                .isEqualTo("0");
        assertThat(signedIn.cookie().csrfTokenIs(signedIn.cookie().csrfToken())).isTrue();
        assertThat(signedIn.cookie().csrfTokenIs(token)).isFalse();
        assertThat(SessionCookie.parse("beta." + token).flatMap(signIns::session)).isEmpty();
    }

    @Test
    void usersAreAdministeredTheirEmailSealedAndEveryChangeAudited() {
        IssuedPassword issued = users.create(ALPHA, jane());
        assertThatThrownBy(() -> users.create(ALPHA, jane())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> users.create(ALPHA, new UserRequest("Bad Name", "", "no mail", null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.violations())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("username", "displayName", "email", "roles"));

        User changed = users.update(ALPHA, issued.user().id(), new UserRequest(null, "Jane Q. Doe", "jane@example.org",
                EnumSet.of(Role.FINANCE_MANAGER), true), issued.user().version());
        assertThatThrownBy(() -> users.update(ALPHA, issued.user().id(), jane(), issued.user().version()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> users.update(ALPHA, issued.user().id(),
                new UserRequest(null, "x", null, Set.of(), true), issued.user().version()))
                .isInstanceOf(ConflictException.class);
        assertThat(changed.displayName()).isEqualTo("Jane Q. Doe");
        assertThat(changed.email()).isEqualTo("jane@example.org");
        assertThat(users.list(ALPHA, PageRequest.first()).items()).containsExactly(changed);
        assertThat(column("select email from app_user")).startsWith(TenantCipher.PREFIX).doesNotContain("jane@");
        assertThat(column("select password_hash from app_user")).startsWith("$argon2id$")
                .doesNotContain(issued.oneTimePassword());

        users.delete(ALPHA, changed.id());
        assertThat(users.find(ALPHA, changed.id())).isEmpty();
        List<AuditRecord> trail = new StoredAuditTrail(testDatabase.get())
                .find(ALPHA, new AuditQuery("user", changed.id().toString(), null, null, null), PageRequest.first())
                .items();
        assertThat(trail).extracting(record -> record.operation().name()).containsExactly("CREATED", "CHANGED", "DELETED");
        assertThat(trail.get(1).changes()).contains(new FieldChange("displayName", "Jane Doe", "Jane Q. Doe"),
                new FieldChange("email", null, FieldChange.WITHHELD));
        assertThat(trail.toString()).doesNotContain("jane@example.org", "$argon2id$");
    }

    @Test
    void theCleanupDeletesEndedSessionsAndForgetsUntriedNamesButNeitherLiveSessionsNorRecentOrBlockedNames() {
        signedUp();
        SignedIn idle = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        for (String name : List.of("guessed-1", "guessed-2", "mallory", "mallory", "mallory")) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(signIns.signIn("alpha", attempt(name, "wrong guess", null, null))).isNotInstanceOf(SignedIn.class);
        }
        insertSignInState("from-before-blocked", START.plus(Duration.ofDays(30)));
        insertSignInState("from-before-quiet", null);

        clock.advance(Duration.ofMinutes(31));
        SignedIn live = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        clock.advance(Duration.ofMinutes(1));

        assertThat(signIns.forgetExpired(ALPHA)).isEqualTo(new SignIns.Forgotten(0, 1));
        assertThat(signIns.session(idle.cookie())).isEmpty();
        assertThat(signIns.session(live.cookie())).isPresent();
        assertThat(signInStates()).containsExactly("from-before-blocked", "guessed-1", "guessed-2", "jane", "mallory");

        clock.advance(Duration.ofDays(1));
        signIns.signIn("alpha", attempt("guessed-2", "tried again", null, null));

        assertThat(signIns.forgetExpired(ALPHA)).isEqualTo(new SignIns.Forgotten(1, 3));
        assertThat(signIns.session(live.cookie())).isEmpty();
        assertThat(signInStates()).containsExactly("from-before-blocked", "guessed-2");
        assertThat(signIns.forgetExpired(ALPHA)).isEqualTo(new SignIns.Forgotten(0, 0));
    }

    @Test
    void theCleanupRunsForEveryTenantUnderItsLease() throws InterruptedException {
        signedUp();
        SignedIn signedIn = (SignedIn) signIns.signIn("alpha", attempt("jane", OWN_PASSWORD, null, null));
        clock.advance(Duration.ofHours(13));
        Leases leases = TestLeases.running(testDatabase.get(), "node-a");
        Leases otherNode = TestLeases.running(testDatabase.get(), "node-b");
        SignInCleanup cleanup = new SignInCleanup(signIns, TestTenants.withFeatures(ALPHA, "dunning"), leases,
                hourlyCleanup());
        try {
            assertThat(otherNode.runLeased(ALPHA, SignInCleanup.WORK, lease -> cleanup.sweep())).isTrue();
            assertThat(column("select count(*) from user_session")).as("the other node's round").isEqualTo("2");

            cleanup.sweep();

            assertThat(signIns.session(signedIn.cookie())).isEmpty();
            assertThat(column("select count(*) from user_session")).isEqualTo("0");
        } finally {
            cleanup.deactivate();
            leases.deactivate();
            otherNode.deactivate();
        }
    }

    private void insertSignInState(String username, Instant blockedUntil) {
        testDatabase.get().inTransaction(ALPHA, (session, tx) -> {
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into sign_in_state (tenant_id, "
                        + "username, failures, blocked_until) values ('alpha', ?, 7, ?)")) {
                    insert.setString(1, username);
                    insert.setObject(2, blockedUntil == null ? null : blockedUntil.atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            });
        });
    }

    private List<String> signInStates() {
        return testDatabase.get().inTransaction(ALPHA, session -> session.createSelectionQuery(
                "select s.username from SignInState s order by s.username", String.class).getResultList());
    }

    /** The sign-in configuration with an hourly cleanup, every other property at its metatype default. */
    private static SignInConfiguration hourlyCleanup() {
        return Converters.standardConverter().convert(Map.of("cleanupIntervalSeconds", 3600))
                .to(SignInConfiguration.class);
    }

    /** The one value a query of one row and column reads, straight from the database. */
    private String column(String sql) {
        return testDatabase.get().inTransaction(ALPHA, session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }));
    }

    User signedUp() {
        IssuedPassword issued = users.create(ALPHA, jane());
        assertThat(signIns.signIn("alpha", attempt("jane", issued.oneTimePassword(), null, OWN_PASSWORD)))
                .isInstanceOf(SignedIn.class);
        return users.find(ALPHA, issued.user().id()).orElseThrow();
    }

    private String code(SignIns.TotpEnrolment enrolment, long stepsAhead) {
        return Totp.code(Totp.decode(enrolment.secret()), clock.instant().getEpochSecond() / Totp.STEP_SECONDS + stepsAhead,
                Totp.DIGITS, "HmacSHA1");
    }

    private static UserRequest jane() {
        return new UserRequest("jane", "Jane Doe", null, EnumSet.of(Role.CLERK, Role.COLLECTOR), null);
    }

    static SignIns.Attempt attempt(String username, String password, String totp, String newPassword) {
        return new SignIns.Attempt(username, password, totp, newPassword);
    }
}
