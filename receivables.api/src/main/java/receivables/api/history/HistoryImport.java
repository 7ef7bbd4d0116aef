package receivables.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A history import and how far it got.
 *
 * @param records         the records of the file (customers, invoices and payments)
 * @param recordsStored   how many of them were dealt with so far: stored, or found unchanged from an earlier import
 * @param customers       customers this import created
 * @param invoices        invoices this import created
 * @param payments        payments this import created, those of the file and one per invoice settled on its paid date
 * @param unchanged       records an earlier import had stored already, exactly as the file says them
 * @param invoicesSettled invoices paid in full on their paid date by what the file's payments left open
 * @param openingBalances invoices still open whose open amount was journalled as an opening balance
 * @param openingDate     the day the opening balances are journalled on: the day the file was received
 * @param problem         why a {@link HistoryImportStatus#FAILED} import stopped, else {@code null}
 */
public record HistoryImport(UUID id, HistoryImportStatus status, HistoryFormat format, long fileSize, long records,
        long recordsStored, long customers, long invoices, long payments, long unchanged, long invoicesSettled,
        long openingBalances, LocalDate openingDate, String problem, Instant startedAt, Instant finishedAt) {
}
