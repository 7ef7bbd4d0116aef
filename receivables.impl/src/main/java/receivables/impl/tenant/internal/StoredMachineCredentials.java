package receivables.impl.tenant.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.people.Caller;
import receivables.api.people.CredentialRequest;
import receivables.api.people.IssuedCredential;
import receivables.api.people.MachineCredential;
import receivables.api.people.MachineCredentials;
import receivables.impl.persistence.internal.Database;

/**
 * Machine credentials in the database. A secret reads {@code rcv_<credential id in hex>_<256 random bits>}: the id
 * finds the one row to check, so that authenticating costs one HMAC whatever the number of credentials, and the
 * row holds only the secret's salted hash ({@link ApiKeyHash}). The last use is written at most once a
 * {@link #LAST_USE_RESOLUTION} per credential and node, not on every request.
 */
@Component(service = { MachineCredentials.class, StoredMachineCredentials.class })
public class StoredMachineCredentials implements MachineCredentials {

    static final String PREFIX = "rcv_";
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final Pattern SECRET = Pattern.compile("rcv_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final int MAX_NAME_LENGTH = 100;

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    @Activate
    public StoredMachineCredentials(@Reference Database database) {
        this.database = database;
    }

    @Override
    public IssuedCredential issue(TenantId tenant, CredentialRequest request, Actor issuedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String name = validName(request, now);
        UUID id = UUID.randomUUID();
        byte[] secretBits = new byte[32];
        random.nextBytes(secretBits);
        String secret = PREFIX + id.toString().replace("-", "") + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBits);
        MachineCredentialEntity entity = new MachineCredentialEntity(id, name, request.roles(), ApiKeyHash.of(secret,
                random), now, issuedBy, request.expiresAt() == null ? null
                        : request.expiresAt().truncatedTo(ChronoUnit.MICROS));
        return database.inTransaction(tenant, (session, tx) -> {
            boolean taken = !session.createSelectionQuery("from MachineCredential c where c.name = :name",
                    MachineCredentialEntity.class).setParameter("name", name).getResultList().isEmpty();
            if (taken) {
                throw new ConflictException("the tenant already has a credential named '" + name + "'; names stay "
                        + "taken after revocation so that the audit trail stays readable");
            }
            session.persist(entity);
            session.flush();
            return new IssuedCredential(entity.toValue(), secret);
        });
    }

    @Override
    public List<MachineCredential> list(TenantId tenant) {
        return database.inTransaction(tenant, session -> session.createSelectionQuery(
                "from MachineCredential c order by c.createdAt desc, c.id", MachineCredentialEntity.class)
                .getResultStream().map(MachineCredentialEntity::toValue).toList());
    }

    @Override
    public MachineCredential revoke(TenantId tenant, UUID id, Actor revokedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(tenant, (session, tx) -> {
            MachineCredentialEntity entity = session.find(MachineCredentialEntity.class, id);
            if (entity == null) {
                throw new NotFoundException("credential", id.toString());
            }
            entity.revoke(now, revokedBy);
            session.flush();
            return entity.toValue();
        });
    }

    /** Whether {@code token} has the shape of a secret this store issues, so that no other authentication need try it. */
    static boolean looksIssued(String token) {
        return token.startsWith(PREFIX);
    }

    /**
     * The caller a secret authenticates for the tenant: empty when the secret is not one of the tenant's, or its
     * credential is revoked or expired. Records the use, at most once a minute per credential.
     */
    Optional<Caller> authenticate(TenantId tenant, String secret) {
        Matcher parts = SECRET.matcher(secret);
        if (!parts.matches()) {
            return Optional.empty();
        }
        UUID id = uuid(parts.group(1));
        Instant now = clock.instant();
        return database.inTransaction(tenant, session -> {
            MachineCredentialEntity entity = session.find(MachineCredentialEntity.class, id);
            if (entity == null || !entity.secretHash().matches(secret)) {
                return Optional.<Caller>empty();
            }
            MachineCredential credential = entity.toValue();
            if (!credential.activeAt(now)) {
                return Optional.<Caller>empty();
            }
            Instant written = lastUseWritten.get(id);
            if (written == null || !now.isBefore(written.plus(LAST_USE_RESOLUTION))) {
                lastUseWritten.put(id, now);
                session.createNativeMutationQuery("update machine_credential set last_used_at = :now"
                        + " where tenant_id = :tenant and id = :id")
                        .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
                        .setParameter("tenant", tenant.value())
                        .setParameter("id", id)
                        .executeUpdate();
            }
            return Optional.of(new Caller(tenant, Actor.credential("credential:" + id), credential.roles()));
        });
    }

    private static UUID uuid(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private String validName(CredentialRequest request, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(FieldViolation.of("name", "is required: 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters"));
        }
        if (request.roles() == null || request.roles().isEmpty() || request.roles().stream().anyMatch(Objects::isNull)) {
            violations.add(FieldViolation.of("roles", "names at least one role"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            violations.add(FieldViolation.of("expiresAt", "is in the past"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return name;
    }
}
