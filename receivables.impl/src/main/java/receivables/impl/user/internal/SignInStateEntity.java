package receivables.impl.user.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

/**
 * Sign-in bookkeeping of one user name, kept whether a user of that name exists or not: consecutive failed attempts,
 * the instant before which no attempt is heard, the last TOTP step accepted and when the name was last tried. Not
 * audited: failed sign-ins change no one's data. Forgotten once nobody tried the name for a while (see
 * {@link SignIns#forgetExpired}).
 */
@Entity(name = "SignInState")
@Table(name = "sign_in_state")
public class SignInStateEntity extends TenantOwned {

    @Id
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    @Column(name = "last_totp_step")
    private Long lastTotpStep;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    protected SignInStateEntity() {
    }

    SignInStateEntity(String username, Instant now) {
        this.username = username;
        this.lastAttemptAt = now;
    }

    int failures() {
        return failures;
    }

    Instant blockedUntil() {
        return blockedUntil;
    }

    boolean totpStepUsed(long step) {
        return lastTotpStep != null && step <= lastTotpStep;
    }

    void failed(Instant blockedUntil, Instant now) {
        this.failures++;
        this.blockedUntil = blockedUntil;
        this.lastAttemptAt = now;
    }

    void succeeded(Long totpStep, Instant now) {
        this.failures = 0;
        this.lastAttemptAt = now;
        this.blockedUntil = null;
        if (totpStep != null) {
            this.lastTotpStep = totpStep;
        }
    }
}
