package receivables.api.fx;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Open receivables in other currencies valued at a period end's rates. Its journal entry posts the
 * differences as unrealized gains and losses on {@code asOf} and reverses them the day after, so that
 * settlements keep posting their realized difference against the rate each invoice was issued at.
 */
public record Revaluation(UUID id, LocalDate asOf, String functionalCurrency, List<RevaluedCurrency> currencies,
        Instant createdAt) {

    public Revaluation {
        currencies = List.copyOf(currencies);
    }
}
