package receivables.api.provision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The loss allowance posted for a period (a month, {@code 2026-10}) on its last day, {@code asOf}, from a matrix over
 * {@code months} month ends. Its journal entries (reference {@code ECL-} and the period) post only the change against
 * the previous provision. {@code adjustment} is the forward-looking adjustment its matrix applied (null when none was
 * effective).
 */
public record Provision(UUID id, String period, LocalDate asOf, int months, ForwardLookingAdjustment adjustment,
        List<ProvisionedCurrency> currencies, Instant createdAt) {

    public Provision {
        currencies = List.copyOf(currencies);
    }
}
