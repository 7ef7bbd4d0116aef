package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * One event in a customer's collection timeline: a notice a dunning run sent, a contact a collector logged, a
 * promise to pay made on its own, or a dispute opened or resolved on one of the customer's invoices. Fields that do
 * not apply to the kind are {@code null}.
 *
 * @param id            the notice's, activity's, promise's or dispute's id (a dispute's two entries share it)
 * @param actor         who logged the activity; {@code null} for notices (a dunning run sends them), promises and
 *                      disputes (the audit trail names who opened and resolved them)
 * @param activity      the kind of contact ({@link Kind#ACTIVITY})
 * @param outcome       what came of the contact ({@link Kind#ACTIVITY})
 * @param text          the activity's notes, the promise's note, the dispute's reason ({@link Kind#DISPUTE_OPENED})
 *                      or its resolution ({@link Kind#DISPUTE_RESOLVED})
 * @param nextAction    the next action the activity set, and its day
 * @param level         the notice's highest dunning level ({@link Kind#NOTICE})
 * @param items         how many items the notice covered ({@link Kind#NOTICE})
 * @param channel       the channel the notice went through ({@link Kind#NOTICE})
 * @param delivery      what became of the notice's delivery ({@link Kind#NOTICE})
 * @param amount        the notice's overdue amount or the promised amount
 * @param invoiceId     the disputed invoice ({@link Kind#DISPUTE_OPENED}, {@link Kind#DISPUTE_RESOLVED})
 * @param invoiceNumber that invoice's number
 */
public record TimelineEntry(Kind kind, UUID id, Instant at, String actor, ActivityKind activity,
        ActivityOutcome outcome, String text, String nextAction, LocalDate nextActionOn, Integer level, Integer items,
        String channel, DeliveryStatus delivery, Money amount, UUID invoiceId, String invoiceNumber) {

    /** What an entry records. */
    public enum Kind {
        NOTICE, ACTIVITY, PROMISE, DISPUTE_OPENED, DISPUTE_RESOLVED
    }
}
