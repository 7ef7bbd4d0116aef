package receivables.impl.lifecycle.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import receivables.api.ConflictException;

/**
 * A state machine as one table: the moves a kind of record may make between its states. {@link #move} is how
 * a state changes, and it refuses what the table does not list; a move to the same state counts only where
 * the table lists it (a second partial payment, a second partial refund).
 */
public final class Transitions<S extends Enum<S>> {

    private final String what;
    private final Class<S> states;
    private final Map<S, Set<S>> allowed;

    private Transitions(String what, Class<S> states, Map<S, Set<S>> allowed) {
        this.what = what;
        this.states = states;
        this.allowed = allowed;
    }

    /** A table for {@code what} (as a person names it in a refusal) over the constants of {@code states}. */
    public static <S extends Enum<S>> Builder<S> of(String what, Class<S> states) {
        return new Builder<>(what, states);
    }

    public boolean allows(S from, S to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    /** The states {@code from} may move to. */
    public Set<S> targets(S from) {
        return Collections.unmodifiableSet(allowed.getOrDefault(from, EnumSet.noneOf(states)));
    }

    public List<S> states() {
        return List.of(states.getEnumConstants());
    }

    /**
     * @return {@code to}, when the table allows moving there from {@code from}
     * @throws ConflictException when it does not: the record stands where it stood
     */
    public S move(S from, S to) {
        if (!allows(from, to)) {
            throw new ConflictException("a " + what + " that is " + from + " cannot become " + to);
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>> {

        private final String what;
        private final Class<S> states;
        private final Map<S, Set<S>> allowed;

        private Builder(String what, Class<S> states) {
            this.what = what;
            this.states = states;
            this.allowed = new EnumMap<>(states);
        }

        /** Each of {@code from} may move to each of {@code to}. */
        public Builder<S> from(Set<S> from, Set<S> to) {
            from.forEach(state -> allowed.computeIfAbsent(state, any -> EnumSet.noneOf(states)).addAll(to));
            return this;
        }

        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            return from(EnumSet.of(from), to.length == 0 ? EnumSet.noneOf(states) : EnumSet.of(to[0], to));
        }

        public Transitions<S> build() {
            Map<S, Set<S>> table = new EnumMap<>(states);
            allowed.forEach((from, to) -> table.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
            return new Transitions<>(what, states, Collections.unmodifiableMap(table));
        }
    }
}
