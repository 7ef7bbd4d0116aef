package receivables.api.journal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The journal entries handed to one general ledger ({@code sink}) for one month: those dated in the month, and those
 * dated before it that the sink had not been given yet (posted after their month was exported), in posting order.
 * Made once per sink and month; asking again gives the same export.
 *
 * @param entries with their lines in the transaction currency and in the functional currency
 */
public record GeneralLedgerExport(UUID id, String sink, YearMonth period, Instant exportedAt, List<JournalEntry> entries) {

    public GeneralLedgerExport {
        entries = List.copyOf(entries);
    }
}
