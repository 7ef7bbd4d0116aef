package receivables.impl.user.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import receivables.api.people.Role;
import receivables.api.people.User;
import receivables.impl.audit.internal.Audited;
import receivables.impl.audit.internal.PersonalData;
import receivables.impl.persistence.internal.TenantOwned;
import receivables.impl.personal.internal.TenantCipher;

/**
 * A built-in user. The e-mail address and the TOTP secret are sealed under the tenant's personal data key
 * ({@link TenantCipher}); the audit trail records that they, or the password hash, changed, never their values.
 */
@Audited("user")
@Entity(name = "AppUser")
@Table(name = "app_user")
public class UserEntity extends TenantOwned {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @PersonalData
    @Column(length = 512)
    private String email;

    @Column(nullable = false, length = 200)
    private String roles;

    @PersonalData
    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "password_expires_at")
    private Instant passwordExpiresAt;

    @PersonalData
    @Column(name = "totp_secret", length = 512)
    private String totpSecret;

    @Column(name = "totp_confirmed", nullable = false)
    private boolean totpConfirmed;

    @Column(nullable = false)
    private boolean enabled;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserEntity() {
    }

    UserEntity(UUID id, String username, Instant now) {
        this.id = id;
        this.username = username;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String displayName, String email, Set<Role> roles, boolean enabled, Instant now, TenantCipher cipher) {
        this.displayName = displayName;
        String current = cipher.open(this.email);
        this.email = Objects.equals(current, email) ? this.email : cipher.seal(email);
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** A password the user chose, or a one-time password a tenant admin set that expires at {@code expiresAt}. */
    void password(PasswordHash hash, boolean oneTime, Instant expiresAt, Instant now) {
        this.passwordHash = hash.encoded();
        this.passwordChangeRequired = oneTime;
        this.passwordExpiresAt = oneTime ? expiresAt : null;
        this.updatedAt = now;
    }

    void enrolTotp(String secret, Instant now, TenantCipher cipher) {
        this.totpSecret = cipher.seal(secret);
        this.totpConfirmed = false;
        this.updatedAt = now;
    }

    void confirmTotp(Instant now) {
        this.totpConfirmed = true;
        this.updatedAt = now;
    }

    void removeTotp(Instant now) {
        this.totpSecret = null;
        this.totpConfirmed = false;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    Set<Role> roles() {
        return roles(roles);
    }

    PasswordHash passwordHash() {
        return PasswordHash.parse(passwordHash).orElseThrow(() -> new IllegalStateException("user " + id
                + " has a password hash that is no Argon2id hash within bounds"));
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    Instant passwordExpiresAt() {
        return passwordExpiresAt;
    }

    /** The TOTP secret while enrolment waits for a code, or once it is confirmed; {@code null} without one. */
    String totpSecret(TenantCipher cipher) {
        return cipher.open(totpSecret);
    }

    boolean totpConfirmed() {
        return totpConfirmed;
    }

    boolean enabled() {
        return enabled;
    }

    long version() {
        return version;
    }

    User toValue(TenantCipher cipher) {
        return new User(id, username, displayName, cipher.open(email), roles(), enabled, totpConfirmed,
                passwordChangeRequired, version, createdAt, updatedAt);
    }

    static Set<Role> roles(String stored) {
        return stored == null || stored.isBlank() ? Set.of() : Arrays.stream(stored.split(","))
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
