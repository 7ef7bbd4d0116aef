package receivables.impl.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import receivables.api.ConflictException;

/** Walks every (from, to) pair of a table against the moves a test spells out, as {@code "FROM > TO"}. */
public final class TransitionWalk {

    private TransitionWalk() {
    }

    public static <S extends Enum<S>> void allowsExactly(Transitions<S> table, String... moves) {
        Set<String> expected = Set.of(moves);
        List<String> walked = new ArrayList<>();
        for (S from : table.states()) {
            for (S to : table.states()) {
                String move = from + " > " + to;
                walked.add(move);
                if (expected.contains(move)) {
                    assertThat(table.allows(from, to)).as(move).isTrue();
                    assertThat(table.move(from, to)).as(move).isEqualTo(to);
                    assertThat(table.targets(from)).as(move).contains(to);
                } else {
                    assertThat(table.allows(from, to)).as(move).isFalse();
                    assertThatThrownBy(() -> table.move(from, to)).as(move).isInstanceOf(ConflictException.class)
                            .hasMessageContaining(from + " cannot become " + to);
                    assertThat(table.targets(from)).as(move).doesNotContain(to);
                }
            }
        }
        assertThat(walked).as("every move the test expects is between states of the table").containsAll(expected);
    }
}
