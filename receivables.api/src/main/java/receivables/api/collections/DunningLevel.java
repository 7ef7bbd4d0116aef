package receivables.api.collections;

import java.math.BigDecimal;

/**
 * One step of a dunning policy.
 *
 * @param days       days relative to an installment's due date from which the level applies: negative for a
 *                   friendly reminder before the due date, positive for dunning after it; never 0, since no notice
 *                   goes out on the due date itself
 * @param fee        charged once when the level is reached, in the currency of the customer's items; 0 for none
 *                   (a reminder never carries a fee)
 * @param creditHold whether reaching the level puts the customer on credit hold; off when left out or {@code null}
 *                   (a reminder or a plain notice has none), so that the record always holds {@code true} or
 *                   {@code false}
 * @param escalateTo the collection stage a task is opened for when the level is reached; {@code null} for none
 */
public record DunningLevel(int days, BigDecimal fee, Boolean creditHold, CollectionStage escalateTo) {

    public DunningLevel {
        creditHold = Boolean.TRUE.equals(creditHold);
    }
}
