package receivables.impl.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.ConflictException;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.Actor;
import receivables.api.audit.AuditOperation;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.audit.FieldChange;
import receivables.api.people.Caller;
import receivables.api.people.CredentialRequest;
import receivables.api.people.IssuedCredential;
import receivables.api.people.MachineCredential;
import receivables.api.people.Role;
import receivables.impl.audit.internal.CallerContext;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.persistence.internal.TestDatabase;

/** Machine credentials on a real database: issued, authenticated, listed, expired and revoked, and audited. */
abstract class MachineCredentialsContract {

    private static final TenantId ALPHA = new TenantId("alpha");
    private static final TenantId BETA = new TenantId("beta");
    private static final Actor ADMIN = new Actor(Actor.Kind.USER, "ada");
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    StoredMachineCredentials credentials;
    StoredAuditTrail trail;

    abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() {
        credentials = new StoredMachineCredentials(testDatabase.get());
        credentials.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        trail = new StoredAuditTrail(testDatabase.get());
    }

    @Test
    void anIssuedSecretAuthenticatesItsTenantWithItsRolesAndIsStoredOnlyAsAHash() {
        IssuedCredential issued = credentials.issue(ALPHA, new CredentialRequest("erp", EnumSet.of(Role.CLERK), null),
                ADMIN);

        assertThat(issued.secret()).startsWith("rcv_").hasSize(4 + 32 + 1 + 43);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        Caller caller = credentials.authenticate(ALPHA, issued.secret()).orElseThrow();
        assertThat(caller.roles()).containsExactly(Role.CLERK);
        assertThat(caller.actor()).isEqualTo(Actor.credential("credential:" + issued.credential().id()));
        assertThat(credentials.authenticate(BETA, issued.secret())).as("another tenant's credential").isEmpty();
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        assertThat(credentials.authenticate(ALPHA, secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .as("a wrong secret for the right id").isEmpty();
        String stored = testDatabase.get().inTransaction(ALPHA, session -> session.createNativeQuery(
                "select secret_hash from machine_credential", String.class).getSingleResult());
        assertThat(stored).startsWith("{hmac-sha256}").doesNotContain(issued.secret().substring(38));
    }

    @Test
    void severalAtATimeListedWithoutSecretsLastUseWrittenAtMostOnceAMinute() {
        IssuedCredential old = credentials.issue(ALPHA, new CredentialRequest("erp-2025", EnumSet.of(Role.CLERK), null),
                ADMIN);
        credentials.clock = Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC);
        IssuedCredential current = credentials.issue(ALPHA, new CredentialRequest("erp-2026",
                EnumSet.of(Role.CLERK, Role.FINANCE_MANAGER), null), ADMIN);
        assertThat(credentials.authenticate(ALPHA, old.secret())).isPresent();
        assertThat(credentials.authenticate(ALPHA, current.secret())).isPresent();

        credentials.clock = Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC);
        credentials.authenticate(ALPHA, current.secret());
        List<MachineCredential> listed = credentials.list(ALPHA);
        assertThat(listed).extracting(MachineCredential::name).containsExactly("erp-2026", "erp-2025");
        assertThat(listed.get(0).lastUsedAt()).as("not written again within the minute").isEqualTo(NOW.plusSeconds(1));
        assertThat(listed.get(0).createdBy()).isEqualTo(ADMIN);

        credentials.clock = Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC);
        credentials.authenticate(ALPHA, current.secret());
        assertThat(credentials.list(ALPHA).get(0).lastUsedAt()).isEqualTo(NOW.plusSeconds(61));
        assertThat(credentials.list(BETA)).isEmpty();
    }

    @Test
    void anExpiredOrRevokedCredentialIsRefusedAndRevocationIsAudited() {
        IssuedCredential expiring = credentials.issue(ALPHA, new CredentialRequest("short", EnumSet.of(Role.AUDITOR),
                NOW.plus(Duration.ofHours(1))), ADMIN);
        IssuedCredential revoked = credentials.issue(ALPHA, new CredentialRequest("leaked", EnumSet.of(Role.CLERK), null),
                ADMIN);

        credentials.clock = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(credentials.authenticate(ALPHA, expiring.secret())).isEmpty();
        testDatabase.changes().callers().enter(new CallerContext(ADMIN, "192.0.2.1", "req-revoke"));
        try {
            assertThat(credentials.revoke(ALPHA, revoked.credential().id(), ADMIN).revokedAt()).isNotNull();
        } finally {
            testDatabase.changes().callers().leave();
        }
        assertThat(credentials.authenticate(ALPHA, revoked.secret())).isEmpty();
        assertThat(credentials.revoke(ALPHA, revoked.credential().id(), ADMIN).revokedAt())
                .as("revoking again changes nothing").isEqualTo(NOW.plus(Duration.ofHours(1)));

        List<AuditRecord> records = trail.find(ALPHA, new AuditQuery("credential", revoked.credential().id().toString(),
                null, null, null), PageRequest.first()).items();
        assertThat(records).extracting(AuditRecord::operation).containsExactly(AuditOperation.CREATED,
                AuditOperation.CHANGED);
        assertThat(records.get(0).changes()).contains(new FieldChange("roles", null, "CLERK"),
                new FieldChange("secretHash", null, FieldChange.WITHHELD));
        assertThat(records.get(1).actor()).isEqualTo(ADMIN);
        assertThat(records.get(1).requestId()).isEqualTo("req-revoke");
        assertThat(records.toString()).doesNotContain(revoked.secret());
        assertThatThrownBy(() -> credentials.revoke(BETA, revoked.credential().id(), ADMIN))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNameIsTakenForGoodAndABadRequestStoresNothing() {
        credentials.issue(ALPHA, new CredentialRequest("erp", EnumSet.of(Role.CLERK), null), ADMIN);

        assertThatThrownBy(() -> credentials.issue(ALPHA, new CredentialRequest(" erp ", EnumSet.of(Role.AUDITOR), null),
                ADMIN)).isInstanceOf(ConflictException.class);
        assertThat(credentials.issue(BETA, new CredentialRequest("erp", EnumSet.of(Role.CLERK), null), ADMIN))
                .as("names are per tenant").isNotNull();
        assertThatThrownBy(() -> credentials.issue(ALPHA, new CredentialRequest("", Set.of(), NOW.minusSeconds(1)),
                ADMIN)).isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.violations())
                        .extracting(violation -> violation.field()).containsExactly("name", "roles", "expiresAt"));
        assertThatThrownBy(() -> credentials.issue(ALPHA, new CredentialRequest("a\u0000b", EnumSet.of(Role.CLERK),
                null), ADMIN)).isInstanceOf(InvalidRequestException.class);
        assertThat(credentials.list(ALPHA)).hasSize(1);
    }
}
