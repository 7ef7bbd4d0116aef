package receivables.impl.history.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What the tenant's ledger holds already that a history file must agree with. */
interface KnownHistory {

    /** A record an earlier import stored: the digest of what it said, what it became and which import stored it. */
    record Stored(String fingerprint, UUID targetId, UUID importId) {
    }

    /** The records of {@code kind} stored before under any of {@code sourceIds}, by source id. */
    Map<String, Stored> stored(HistoryRecord.Kind kind, Collection<String> sourceIds);

    /** Which of {@code numbers} invoices here carry already, each with the order id of the invoice. */
    Map<String, String> invoiceNumbers(Collection<String> numbers);

    /** Whether the opening balance of an invoice in {@code currency} can be journalled: a rate is known if needed. */
    boolean journallable(String currency);
}
