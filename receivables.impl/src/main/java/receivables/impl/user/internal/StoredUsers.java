package receivables.impl.user.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.people.IssuedPassword;
import receivables.api.people.User;
import receivables.api.people.UserRequest;
import receivables.api.people.Users;
import receivables.impl.persistence.internal.Database;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.validation.internal.Violations;

/**
 * The tenant's built-in users in the database. The audit trail records every change (the entity is audited); the
 * e-mail address is sealed under the tenant's personal data key.
 */
@Component(service = Users.class)
public class StoredUsers implements Users {

    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 254;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,64}");

    private final Database database;
    private final PersonalDataKeys keys;
    private final SignIns signIns;
    private final Clock clock;

    @Activate
    public StoredUsers(@Reference Database database, @Reference PersonalDataKeys keys, @Reference SignIns signIns) {
        this(database, keys, signIns, Clock.systemUTC());
    }

    StoredUsers(Database database, PersonalDataKeys keys, SignIns signIns, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.signIns = signIns;
        this.clock = clock;
    }

    @Override
    public Page<User> list(TenantId tenant, PageRequest page) {
        return database.inTransaction(tenant, session -> {
            TenantCipher cipher = keys.cipher(session);
            var users = session.createSelectionQuery("from AppUser u order by u.username", UserEntity.class)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(user -> user.toValue(cipher)).toList();
            long total = session.createSelectionQuery("select count(*) from AppUser u", Long.class).getSingleResult();
            return new Page<>(users, page.page(), page.size(), total);
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> Optional.ofNullable(session.find(UserEntity.class, id))
                .map(user -> user.toValue(keys.cipher(session))));
    }

    @Override
    public IssuedPassword create(TenantId tenant, UserRequest request) {
        String username = request.username() == null ? null : SignIns.normalized(request.username());
        Violations violations = validated(request).required("username", username);
        if (username != null && !username.isEmpty() && !USERNAME.matcher(username).matches()) {
            violations.add("username", "must be 1 to 64 of lower-case letters, digits, '.', '_', '-' and '@'");
        }
        violations.throwIfAny();
        return database.inTransaction(tenant, (session, tx) -> {
            if (SignIns.findByName(session, username).isPresent()) {
                throw new ConflictException("there is already a user named '" + username + "'");
            }
            Instant now = now();
            TenantCipher cipher = keys.cipher(session);
            UserEntity user = new UserEntity(UUID.randomUUID(), username, now);
            describe(user, request, now, cipher);
            String password = signIns.issueOneTimePassword(session, user, now);
            session.persist(user);
            session.flush();
            return new IssuedPassword(user.toValue(cipher), password, signIns.oneTimePasswordExpiry(now));
        });
    }

    @Override
    public User update(TenantId tenant, UUID id, UserRequest request, Long expectedVersion) {
        Violations violations = validated(request);
        if (request.username() != null && !request.username().isBlank()) {
            violations.add("username", "cannot be changed: create a user of the new name instead");
        }
        violations.throwIfAny();
        return database.inTransaction(tenant, (session, tx) -> {
            UserEntity user = SignIns.existing(session, id);
            if (expectedVersion != null && expectedVersion != user.version()) {
                throw new ConflictException("user " + id + " is at version " + user.version() + ", not "
                        + expectedVersion + ": read it again and reapply the change");
            }
            TenantCipher cipher = keys.cipher(session);
            describe(user, request, now(), cipher);
            if (!user.enabled()) {
                SignIns.endSessions(session, id);
            }
            session.flush();
            return user.toValue(cipher);
        });
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        database.inTransaction(tenant, (session, tx) -> {
            UserEntity user = SignIns.existing(session, id);
            SignIns.endSessions(session, id);
            session.remove(user);
        });
    }

    @Override
    public IssuedPassword resetPassword(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, (session, tx) -> {
            UserEntity user = SignIns.existing(session, id);
            Instant now = now();
            String password = signIns.issueOneTimePassword(session, user, now);
            session.flush();
            return new IssuedPassword(user.toValue(keys.cipher(session)), password, signIns.oneTimePasswordExpiry(now));
        });
    }

    @Override
    public User removeSecondFactor(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, (session, tx) -> {
            UserEntity user = SignIns.existing(session, id);
            user.removeTotp(now());
            session.flush();
            return user.toValue(keys.cipher(session));
        });
    }

    private static Violations validated(UserRequest request) {
        return new Violations()
                .required("displayName", request.displayName())
                .maxLength("displayName", request.displayName(), MAX_DISPLAY_NAME)
                .email("email", request.email())
                .maxLength("email", request.email(), MAX_EMAIL)
                .required("roles", request.roles())
                .inRange("roles", request.roles(), roles -> roles != null && roles.stream().anyMatch(Objects::isNull)
                        ? "must name roles only" : null);
    }

    private static void describe(UserEntity user, UserRequest request, Instant now, TenantCipher cipher) {
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        user.describe(request.displayName().trim(), email, request.roles(),
                request.enabled() == null || request.enabled(), now, cipher);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
