package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import receivables.api.money.Money;

/**
 * One event in a customer's collection timeline: a notice a dunning run sent, a contact a collector logged or a
 * promise to pay made on its own. Fields that do not apply to the kind are {@code null}.
 *
 * @param id       the notice's, activity's or promise's id
 * @param actor    who logged the activity; {@code null} for notices (a dunning run sends them) and promises
 * @param activity the kind of contact ({@link Kind#ACTIVITY})
 * @param outcome  what came of the contact ({@link Kind#ACTIVITY})
 * @param text     the activity's notes or the promise's note
 * @param nextAction   the next action the activity set, and its day
 * @param level    the notice's highest dunning level ({@link Kind#NOTICE})
 * @param items    how many items the notice covered ({@link Kind#NOTICE})
 * @param channel  the channel the notice went through ({@link Kind#NOTICE})
 * @param delivery what became of the notice's delivery ({@link Kind#NOTICE})
 * @param amount   the notice's overdue amount or the promised amount
 */
public record TimelineEntry(Kind kind, UUID id, Instant at, String actor, ActivityKind activity,
        ActivityOutcome outcome, String text, String nextAction, LocalDate nextActionOn, Integer level, Integer items, String channel, DeliveryStatus delivery,
        Money amount) {

    /** What an entry records. */
    public enum Kind {
        NOTICE, ACTIVITY, PROMISE
    }
}
