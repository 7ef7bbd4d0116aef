package receivables.api.statement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One bank-statement file imported, with its progress while it runs and its outcome.
 *
 * @param format      the {@link StatementFormat#id()} that recognised the file
 * @param linesRead   booked lines read so far
 * @param matched     credit lines matched to an invoice and recorded as payments
 * @param suspended   credit lines left in the suspense queue for a clerk
 * @param skipped     debit lines (money out), which are not receivables' business
 * @param duplicates  lines an earlier import (the same file, or an overlapping statement) already brought
 * @param rejected    lines not imported, each named with its reason in {@code notes} (an amount too large to book)
 * @param announced   credit lines of an interim report (MT942, camt.052) without the bank's reference, which
 *                    could not be recognised again in the statement: left to be booked when the statement comes
 * @param location    where a {@link ImportStatus#REJECTED} file breaks its format, e.g. {@code Stmt[1]/Ntry[3]/Amt}
 *                    or {@code line 14}; otherwise {@code null}
 * @param problem     why it was rejected or failed; otherwise {@code null}
 * @param notes       warnings about the file and the lines rejected, in file order (the first
 *                    {@value #MAX_NOTES}, then one note saying how many more there were)
 */
public record StatementImport(UUID id, ImportStatus status, String format, long size, long linesRead, long matched,
        long suspended, long skipped, long duplicates, long rejected, long announced, String location, String problem,
        Instant startedAt, Instant finishedAt, List<ImportNote> notes) {

    /** How many notes an import keeps. */
    public static final int MAX_NOTES = 100;

    public StatementImport {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
