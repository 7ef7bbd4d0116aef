package receivables.impl.reconciliation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import receivables.api.statement.StatementHeader;
import receivables.api.statement.StatementLine;

/**
 * Gives each line of one file the key of the bank's movement it reports, the same in every file that reports
 * it. With the bank's own reference for the movement the key is the account, that reference, direction and
 * amount, so a camt.054 notification and the day's camt.053 give the same key; lines of one batch booking
 * share the reference and are told apart by their place in the batch. Without a reference it is the
 * statement (account, id, first day, opening balance) and the line's place in it, which is the same when the
 * same statement comes again. Keeps only the previous line's reference: constant memory.
 */
final class LineKeys {

    /** What banks put where they have no reference: it identifies nothing. */
    private static final Set<String> NO_REFERENCE = Set.of("NONREF", "NOTPROVIDED", "NONE", "");

    private String previousReference;
    private int sameReference;

    /**
     * Whether the line carries the bank's own reference for its movement, so that its key is the same in every
     * file that reports the movement; without one the key is the line's place in its statement.
     */
    static boolean identifiesMovement(StatementLine line) {
        return !NO_REFERENCE.contains(reference(line).toUpperCase(Locale.ROOT));
    }

    private static String reference(StatementLine line) {
        return line.bankReference() == null ? "" : line.bankReference().strip();
    }

    String key(StatementHeader statement, StatementLine line) {
        String reference = reference(line);
        String canonical;
        if (!identifiesMovement(line)) {
            previousReference = null;
            canonical = String.join("|", "statement", Objects.toString(statement.accountIban(), ""),
                    Objects.toString(statement.statementId(), ""), Objects.toString(statement.from(), ""),
                    Objects.toString(statement.openingBalance(), ""), String.valueOf(line.sequence()),
                    line.direction().name(), line.amount().toString());
        } else {
            sameReference = reference.equals(previousReference) ? sameReference + 1 : 1;
            previousReference = reference;
            canonical = String.join("|", "reference", Objects.toString(statement.accountIban(), ""), reference,
                    line.direction().name(), line.amount().toString(), String.valueOf(sameReference));
        }
        return sha256(canonical);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
