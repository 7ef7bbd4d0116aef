package receivables.impl.user.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.tenant.internal.TenantDirectory;
import receivables.impl.user.internal.SignInOutcome.Blocked;
import receivables.impl.user.internal.SignInOutcome.PasswordChangeRequired;
import receivables.impl.user.internal.SignInOutcome.Refused;
import receivables.impl.user.internal.SignInOutcome.SecondFactorRequired;
import receivables.impl.user.internal.SignInOutcome.SignedIn;
import receivables.impl.validation.internal.Violations;

/**
 * Built-in users signing in and out, their sessions, and what a signed-in user does for themself: change their
 * password, enrol a TOTP second factor. Failed attempts are counted per user name, whether a user of that name exists
 * or not, so that the answers tell nobody which names exist: after each failure the name is refused for a backoff
 * that doubles, and after too many it is locked out for a while.
 */
@Component(service = SignIns.class, configurationPid = SignInConfiguration.PID)
@Designate(ocd = SignInConfiguration.class)
public class SignIns {

    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = 1024;
    // Sessions are touched at most this often, so that a busy UI does not write on every request.
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String ISSUER = "receivables";

    private final Database database;
    private final PersonalDataKeys keys;
    private final TenantDirectory tenants;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Checked when no user of the name exists, so that an unknown name costs as much time as a wrong password.
    private final PasswordHash decoy;

    /** The configuration as durations and counts, checked. */
    record Settings(int lockoutAfterFailures, Duration lockout, Duration backoff, Duration idle, Duration lifetime,
            Duration oneTimePassword, int minimumPasswordLength, Duration forgetUntried) {

        Settings {
            if (lockoutAfterFailures < 1 || lockout.isNegative() || backoff.isNegative() || idle.toSeconds() < 60
                    || lifetime.compareTo(idle) < 0 || oneTimePassword.toSeconds() < 60 || minimumPasswordLength < 8
                    || minimumPasswordLength > 128 || forgetUntried.compareTo(lockout) < 0
                    || forgetUntried.toSeconds() < 60) {
                throw new IllegalArgumentException(SignInConfiguration.PID + ": at least one failure before lockout, "
                        + "no negative durations, an idle timeout of a minute or more and a lifetime no shorter, "
                        + "one-time passwords valid a minute or more, a minimum password length of 8 to 128, "
                        + "untried names forgotten after a minute or more and no sooner than the lockout ends");
            }
        }

        static Settings of(SignInConfiguration config) {
            return new Settings(config.lockoutAfterFailures(), Duration.ofSeconds(config.lockoutSeconds()),
                    Duration.ofSeconds(config.backoffSeconds()), Duration.ofSeconds(config.sessionIdleSeconds()),
                    Duration.ofSeconds(config.sessionAbsoluteSeconds()), Duration.ofSeconds(config.oneTimePasswordSeconds()),
                    config.minimumPasswordLength(), Duration.ofSeconds(config.forgetUntriedNamesSeconds()));
        }
    }

    /** What one cleanup removed. */
    record Forgotten(int sessions, int signInStates) {
    }

    /** What someone offers to sign in; {@code totp} and {@code newPassword} only when asked for. */
    public record Attempt(String username, String password, String totp, String newPassword) {

        @Override
        public String toString() {
            return "Attempt[username=" + username + ", secrets withheld]";
        }
    }

    /** A second factor waiting for its first code: the secret to type in and the URI to show as a QR code. */
    public record TotpEnrolment(String secret, String uri) {

        @Override
        public String toString() {
            return "TotpEnrolment[secret withheld]";
        }
    }

    @Activate
    public SignIns(@Reference Database database, @Reference PersonalDataKeys keys, @Reference TenantDirectory tenants,
            SignInConfiguration config) {
        this(database, keys, tenants, Settings.of(config), Clock.systemUTC());
    }

    SignIns(Database database, PersonalDataKeys keys, TenantDirectory tenants, Settings settings, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
        this.decoy = PasswordHash.of(UUID.randomUUID().toString(), random);
    }

    /**
     * Signs a user of {@code tenant} in. Refused, blocked and second-factor answers commit what they counted; a new
     * password that breaks the rules is refused naming {@code newPassword}, after the old one was found right.
     */
    public SignInOutcome signIn(String tenant, Attempt attempt) {
        new Violations()
                .required("tenant", tenant)
                .required("username", attempt.username())
                .required("password", attempt.password())
                .maxLength("password", attempt.password(), MAX_PASSWORD)
                .throwIfAny();
        String username = normalized(attempt.username());
        if (!TenantId.isValid(tenant) || !tenants.enabledTenants().contains(new TenantId(tenant))
                || username.length() > MAX_USERNAME) {
            decoy.matches(attempt.password());
            return new Refused();
        }
        TenantId id = new TenantId(tenant);
        try {
            return database.inTransaction(id, (session, tx) -> {
                return signIn(session, id, username, attempt);
            });
        } catch (ConflictException firstOfTwoAtOnce) {
            // Two first attempts of a name both created its bookkeeping: the other one's row is there now.
            return database.inTransaction(id, (session, tx) -> {
                return signIn(session, id, username, attempt);
            });
        }
    }

    private SignInOutcome signIn(Session session, TenantId tenant, String username, Attempt attempt) {
        Instant now = now();
        SignInStateEntity state = lockedState(session, username, now);
        if (state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
            return blocked(state, now);
        }
        UserEntity user = findByName(session, username).filter(UserEntity::enabled).orElse(null);
        PasswordHash stored = user == null ? decoy : user.passwordHash();
        boolean passwordRight = stored.matches(attempt.password()) && user != null
                && (user.passwordExpiresAt() == null || user.passwordExpiresAt().isAfter(now));
        if (!passwordRight) {
            return failed(session, state, now);
        }
        TenantCipher cipher = keys.cipher(session);
        Long step = null;
        if (user.totpConfirmed()) {
            if (attempt.totp() == null || attempt.totp().isBlank()) {
                return new SecondFactorRequired();
            }
            OptionalLong matching = Totp.matchingStep(user.totpSecret(cipher), attempt.totp().trim(), now.getEpochSecond());
            if (matching.isEmpty() || state.totpStepUsed(matching.getAsLong())) {
                return failed(session, state, now);
            }
            step = matching.getAsLong();
        }
        if (user.passwordChangeRequired()) {
            if (attempt.newPassword() == null) {
                return new PasswordChangeRequired();
            }
            requireAcceptable("newPassword", attempt.newPassword(), attempt.password(), user.username());
            user.password(PasswordHash.of(attempt.newPassword(), random), false, null, now);
        } else if (stored.weakerThanCurrent()) {
            user.password(PasswordHash.of(attempt.password(), random), false, null, now);
        }
        state.succeeded(step, now);
        deleteExpiredSessions(session, now);
        SessionCookie cookie = SessionCookie.fresh(tenant, random);
        session.persist(new UserSessionEntity(cookie.hash(), user.id(), now));
        session.flush();
        return new SignedIn(cookie, user.toValue(cipher));
    }

    /**
     * Deletes the tenant's sessions that ended (idle too long, or past their lifetime) and the bookkeeping of user
     * names that are not blocked and that nobody tried for {@code forgetUntried}: what a guessed name left, and
     * failures old enough to be forgiven. Safe on several nodes at once.
     */
    Forgotten forgetExpired(TenantId tenant) {
        Instant now = now();
        return database.inTransaction(tenant, (session, tx) -> {
            int sessions = deleteExpiredSessions(session, now);
            int states = session.createMutationQuery("delete from SignInState s where (s.blockedUntil is null"
                            + " or s.blockedUntil <= :now) and (s.lastAttemptAt is null or s.lastAttemptAt < :untried)")
                    .setParameter("now", now).setParameter("untried", now.minus(settings.forgetUntried()))
                    .executeUpdate();
            return new Forgotten(sessions, states);
        });
    }

    private int deleteExpiredSessions(Session session, Instant now) {
        return session.createMutationQuery("delete from UserSession s where s.lastSeenAt < :idle or s.createdAt < :lifetime")
                .setParameter("idle", now.minus(settings.idle()))
                .setParameter("lifetime", now.minus(settings.lifetime()))
                .executeUpdate();
    }

    /** The name's bookkeeping, locked for this transaction so that parallel guesses are all counted. */
    private static SignInStateEntity lockedState(Session session, String username, Instant now) {
        SignInStateEntity state = Database.locked(session, SignInStateEntity.class, username);
        if (state == null) {
            state = new SignInStateEntity(username, now);
            session.persist(state);
            session.flush();
        }
        return state;
    }

    private SignInOutcome failed(Session session, SignInStateEntity state, Instant now) {
        int failures = state.failures() + 1;
        Instant blockedUntil;
        if (failures >= settings.lockoutAfterFailures()) {
            blockedUntil = now.plus(settings.lockout());
        } else if (settings.backoff().isZero()) {
            blockedUntil = null;
        } else {
            blockedUntil = now.plus(settings.backoff().multipliedBy(1L << Math.min(failures - 1, 20)));
        }
        state.failed(blockedUntil, now);
        session.flush();
        return new Refused();
    }

    private Blocked blocked(SignInStateEntity state, Instant now) {
        long seconds = Math.max(1, Duration.between(now, state.blockedUntil()).toSeconds()
                + (Duration.between(now, state.blockedUntil()).toNanosPart() > 0 ? 1 : 0));
        return new Blocked(seconds, state.failures() >= settings.lockoutAfterFailures());
    }

    /** The session a cookie names, while it is valid and its user may sign in; touched when it was idle a while. */
    public Optional<ActiveSession> session(SessionCookie cookie) {
        if (!tenants.enabledTenants().contains(cookie.tenant())) {
            return Optional.empty();
        }
        return database.inTransaction(cookie.tenant(), (session, tx) -> {
            Instant now = now();
            UserSessionEntity stored = session.find(UserSessionEntity.class, cookie.hash());
            if (stored == null) {
                return Optional.<ActiveSession>empty();
            }
            UserEntity user = session.find(UserEntity.class, stored.userId());
            if (user == null || !user.enabled() || !stored.lastSeenAt().plus(settings.idle()).isAfter(now)
                    || !stored.createdAt().plus(settings.lifetime()).isAfter(now)) {
                session.remove(stored);
                return Optional.<ActiveSession>empty();
            }
            if (stored.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                stored.seen(now);
            }
            return Optional.of(new ActiveSession(cookie, user.toValue(keys.cipher(session))));
        });
    }

    /** Ends the session the cookie names, if there is one. */
    public void signOut(SessionCookie cookie) {
        database.inTransaction(cookie.tenant(), (session, tx) -> {
            UserSessionEntity stored = session.find(UserSessionEntity.class, cookie.hash());
            if (stored != null) {
                session.remove(stored);
            }
        });
    }

    /**
     * Changes a signed-in user's password. A wrong current password counts as a failed sign-in of their name.
     *
     * @return empty when changed, or the block the failures of their name earned
     */
    public Optional<Blocked> changePassword(ActiveSession active, String currentPassword, String newPassword) {
        new Violations()
                .required("currentPassword", currentPassword)
                .required("newPassword", newPassword)
                .maxLength("currentPassword", currentPassword, MAX_PASSWORD)
                .throwIfAny();
        return database.inTransaction(active.cookie().tenant(), (session, tx) -> {
            Instant now = now();
            UserEntity user = existing(session, active.user().id());
            SignInStateEntity state = lockedState(session, user.username(), now);
            if (state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
                return Optional.of(blocked(state, now));
            }
            if (!user.passwordHash().matches(currentPassword)) {
                failed(session, state, now);
                throw new InvalidRequestException(FieldViolation.of("currentPassword", "is not your current password"));
            }
            requireAcceptable("newPassword", newPassword, currentPassword, user.username());
            user.password(PasswordHash.of(newPassword, random), false, null, now);
            session.createMutationQuery("delete from UserSession s where s.userId = :user and s.tokenHash <> :current")
                    .setParameter("user", user.id())
                    .setParameter("current", active.cookie().hash())
                    .executeUpdate();
            return Optional.<Blocked>empty();
        });
    }

    /** Starts enrolling a second factor for the signed-in user; a confirmed one must first be removed by an admin. */
    public TotpEnrolment enrolTotp(ActiveSession active) {
        return database.inTransaction(active.cookie().tenant(), (session, tx) -> {
            UserEntity user = existing(session, active.user().id());
            if (user.totpConfirmed()) {
                throw new ConflictException("you already have a second factor: a tenant admin removes it before you "
                        + "enrol another");
            }
            String secret = Totp.newSecret(random);
            user.enrolTotp(secret, now(), keys.cipher(session));
            return new TotpEnrolment(secret, Totp.uri(ISSUER + " " + active.cookie().tenant().value(),
                    user.username(), secret));
        });
    }

    /** Confirms the second factor being enrolled with a code from the authenticator; from then on sign-in asks one. */
    public void confirmTotp(ActiveSession active, String code) {
        database.inTransaction(active.cookie().tenant(), (session, tx) -> {
            Instant now = now();
            UserEntity user = existing(session, active.user().id());
            String secret = user.totpSecret(keys.cipher(session));
            if (secret == null || user.totpConfirmed()) {
                throw new ConflictException("there is no second factor being enrolled: start with POST session/totp");
            }
            OptionalLong step = Totp.matchingStep(secret, code == null ? null : code.trim(), now.getEpochSecond());
            if (step.isEmpty()) {
                throw new InvalidRequestException(FieldViolation.of("code", "is not the current code of the "
                        + "authenticator"));
            }
            user.confirmTotp(now);
            lockedState(session, user.username(), now).succeeded(step.getAsLong(), now);
        });
    }

    /** A new one-time password for {@code user}, set on it; its sessions end. */
    String issueOneTimePassword(Session session, UserEntity user, Instant now) {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        user.password(PasswordHash.of(password, random), true, oneTimePasswordExpiry(now), now);
        endSessions(session, user.id());
        return password;
    }

    Instant oneTimePasswordExpiry(Instant now) {
        return now.plus(settings.oneTimePassword());
    }

    static void endSessions(Session session, UUID user) {
        session.createMutationQuery("delete from UserSession s where s.userId = :user")
                .setParameter("user", user)
                .executeUpdate();
    }

    private void requireAcceptable(String field, String password, String previous, String username) {
        Violations violations = new Violations()
                .maxLength(field, password, MAX_PASSWORD);
        if (password.codePointCount(0, password.length()) < settings.minimumPasswordLength()) {
            violations.add(field, "must be at least " + settings.minimumPasswordLength() + " characters");
        } else if (password.equals(previous)) {
            violations.add(field, "must differ from the password it replaces");
        } else if (password.toLowerCase(Locale.ROOT).contains(username)) {
            violations.add(field, "must not contain the user name");
        }
        violations.throwIfAny();
    }

    static Optional<UserEntity> findByName(Session session, String username) {
        return session.createSelectionQuery("from AppUser u where u.username = :username", UserEntity.class)
                .setParameter("username", username)
                .uniqueResultOptional();
    }

    static UserEntity existing(Session session, UUID id) {
        UserEntity user = session.find(UserEntity.class, id);
        if (user == null) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    static String normalized(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
