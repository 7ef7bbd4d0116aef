package receivables.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was refused because of what it says; nothing was changed.
 */
public class InvalidRequestException extends ReceivablesException {

    private static final long serialVersionUID = 1L;

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(FieldViolation violation) {
        this(List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
