package receivables.api.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A model trained for a tenant.
 *
 * @param version   counts the tenant's models from 1
 * @param trainedAsOf the last day whose ledger it learned from
 * @param examples  the snapshots of installments it learned the days late from
 * @param labelled  the snapshots it learned "paid more than 90 days late or never" from
 */
public record RiskModel(int version, LocalDate trainedAsOf, int examples, int labelled, Instant trainedAt) {
}
