package receivables.impl.user.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

/** A signed-in user's session, known by the SHA-256 of its cookie's random value. */
@Entity(name = "UserSession")
@Table(name = "user_session")
public class UserSessionEntity extends TenantOwned {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected UserSessionEntity() {
    }

    UserSessionEntity(String tokenHash, UUID userId, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    UUID userId() {
        return userId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    void seen(Instant now) {
        this.lastSeenAt = now;
    }
}
