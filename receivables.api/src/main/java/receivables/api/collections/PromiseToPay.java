package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/** What a customer promised to pay by when. */
public record PromiseToPay(UUID id, UUID customerId, Money amount, LocalDate promisedFor, PromiseStatus status,
        String note, Instant madeAt) {
}
