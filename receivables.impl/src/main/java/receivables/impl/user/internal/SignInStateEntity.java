package receivables.impl.user.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import receivables.impl.persistence.internal.TenantOwned;

/**
 * Sign-in bookkeeping of one user name, kept whether a user of that name exists or not: consecutive failed attempts,
 * the instant before which no attempt is heard, and the last TOTP step accepted. Not audited: failed sign-ins change
 * no one's data.
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

    protected SignInStateEntity() {
    }

    SignInStateEntity(String username) {
        this.username = username;
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

    void failed(Instant blockedUntil) {
        this.failures++;
        this.blockedUntil = blockedUntil;
    }

    void succeeded(Long totpStep) {
        this.failures = 0;
        this.blockedUntil = null;
        if (totpStep != null) {
            this.lastTotpStep = totpStep;
        }
    }
}
