package receivables.api.statement;

import java.util.Objects;

/**
 * Something an import says about its file besides its counts: a place where the file bent its format and
 * was read anyway, or a line that could not be imported.
 *
 * @param kind      what it is
 * @param location  where: {@code line 14}, {@code Stmt[1]/Ntry[3]}, {@code statement X line 4}, {@code file}
 * @param message   what was read how, or why the line was rejected
 */
public record ImportNote(Kind kind, String location, String message) {

    /** What a note is. */
    public enum Kind {
        /** The file was read leniently here; the lines are imported. */
        WARNING,
        /** This line was not imported; the rest of the file was. */
        LINE_REJECTED
    }

    public ImportNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
