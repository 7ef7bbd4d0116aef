package receivables.api.audit;

import java.util.Objects;

/**
 * Who made a change: the credential that authenticated the request today, a signed-in person once there are
 * users, or the system itself for background work and configuration read from files.
 *
 * @param kind what {@code id} names
 * @param id   the credential's, person's or job's id; never a secret
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        CREDENTIAL, USER, SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor has an id");
        }
    }

    public static Actor credential(String id) {
        return new Actor(Kind.CREDENTIAL, id);
    }

    public static Actor system(String id) {
        return new Actor(Kind.SYSTEM, id);
    }
}
