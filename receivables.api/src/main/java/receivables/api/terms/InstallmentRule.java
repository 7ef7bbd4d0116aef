package receivables.api.terms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

/**
 * One part of an invoice's total and when it falls due.
 *
 * @param percent the part's share of the total, greater than 0; kept without trailing zeros
 * @param due     when the part falls due
 */
public record InstallmentRule(BigDecimal percent, DueDateRule due) {

    public InstallmentRule {
        List<FieldViolation> violations = new ArrayList<>();
        if (percent == null) {
            violations.add(FieldViolation.of("percent", "is required"));
        } else if (percent.signum() <= 0) {
            violations.add(FieldViolation.of("percent", "must be greater than 0"));
        }
        if (due == null) {
            violations.add(FieldViolation.of("due", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        percent = Percents.normalized(percent);
    }
}
