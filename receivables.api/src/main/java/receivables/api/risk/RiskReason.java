package receivables.api.risk;

/**
 * One factor behind a score: its value on the day and how much it moved the log-odds of "paid more than 90 days late
 * or never" away from the tenant's average customer (positive: riskier).
 */
public record RiskReason(RiskFactor factor, double value, double contribution) {
}
