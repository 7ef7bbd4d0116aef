package receivables.api.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dunning notice that goes by letter, as the print queue holds it: the notice's PDF (the notice and the customer's
 * statement) to print and post to {@code address}.
 *
 * @param address   the customer's name and postal address as the envelope shows them, lines separated by {@code \n}
 * @param runDate   the day of the run the notice belongs to
 * @param printedAt when someone marked it printed; {@code null} while it awaits printing
 * @param printedBy who marked it printed (an actor id); {@code null} with {@code printedAt}
 */
public record Letter(UUID noticeId, UUID customerId, LocalDate runDate, String address, String language,
        Instant queuedAt, Instant printedAt, String printedBy) {

    @Override
    public String toString() {
        return "Letter[noticeId=" + noticeId + ", customerId=" + customerId + ", runDate=" + runDate
                + ", printed=" + (printedAt != null) + ", address withheld]";
    }
}
