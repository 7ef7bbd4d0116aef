package receivables.api.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer's risk: the score (0 safest to 100 riskiest, the probability of "paid more than 90 days late or never"
 * for a typical new invoice of its, in percent), the days late that invoice is expected to be paid, and the factors
 * that raise the score most, largest first.
 */
public record CustomerRisk(UUID customerId, int score, double probabilityOver90, int expectedDaysLate,
        List<RiskReason> reasons, LocalDate scoredOn, int modelVersion, LocalDate trainedAsOf) {

    public CustomerRisk {
        reasons = List.copyOf(reasons);
    }
}
