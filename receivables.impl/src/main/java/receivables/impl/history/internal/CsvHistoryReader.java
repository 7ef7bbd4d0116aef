package receivables.impl.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A history file as CSV (RFC 4180, UTF-8): a header line naming the columns, {@code record} among them, then one
 * record a line; fields separated by commas, quoted with double quotes where they hold a comma, a quote (doubled)
 * or a line break. A record is named by the line it starts on.
 */
final class CsvHistoryReader implements HistoryReader {

    /** The longest record read; anything longer is no record of a history file, and reading stops there. */
    static final int MAX_RECORD_CHARS = 16_384;

    @Override
    public void read(InputStream in, HistorySink sink) {
        Records records = new Records(HistoryReader.utf8(in));
        try {
            List<String> header = records.next();
            if (header == null) {
                sink.violation(1, "body", "is empty: send a header line and the records");
                return;
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            if (!headerRight(header, sink)) {
                return;
            }
            int kindColumn = header.indexOf(HistoryFields.RECORD);
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                long line = records.startLine;
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                if (fields.size() != header.size()) {
                    sink.violation(line, HistoryFields.RECORD, "has " + fields.size() + " fields where the header names "
                            + header.size());
                    continue;
                }
                HistoryRecord.Kind kind = HistoryFields.kind(fields.get(kindColumn));
                if (kind == null) {
                    sink.violation(line, HistoryFields.RECORD, "must be customer, invoice or payment");
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (i != kindColumn && !fields.get(i).isBlank()) {
                        values.put(header.get(i), fields.get(i));
                    }
                }
                HistoryFields.read(kind, line, values, sink);
            }
        } catch (Malformed e) {
            sink.violation(records.startLine, HistoryFields.RECORD, e.getMessage() + "; the file is read no further");
        } catch (IOException e) {
            sink.violation(records.line, "body", "could not be read: " + e.getMessage()
                    + " (send UTF-8 text); the file is read no further");
        }
    }

    private static boolean headerRight(List<String> header, HistorySink sink) {
        boolean right = true;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).trim();
            header.set(i, column);
            if (!HistoryFields.ALL.contains(column)) {
                // A column is named by its number when its name could not be read back in one line of a problem.
                boolean unprintable = !HistoryFields.oneLine(column).equals(column);
                sink.violation(1, unprintable ? "column " + (i + 1) : column, "is not a field of a history file;"
                        + " the fields are " + String.join(", ", HistoryFields.CSV_COLUMNS));
                right = false;
            } else if (header.indexOf(column) != i) {
                sink.violation(1, column, "is named twice in the header");
                right = false;
            }
        }
        if (!header.contains(HistoryFields.RECORD)) {
            sink.violation(1, HistoryFields.RECORD, "is required in the header: it says what each line is");
            right = false;
        }
        return right;
    }

    /** The records of the text one after another, each as its list of fields, with the line it starts on. */
    private static final class Records {

        private final Reader reader;
        private int pending = -2;
        long line = 1;
        long startLine;

        Records(Reader reader) {
            this.reader = reader;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return reader.read();
        }

        /** The next record, or {@code null} at the end of the text. */
        List<String> next() throws IOException {
            startLine = line;
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int length = 0;
            while (true) {
                if (++length > MAX_RECORD_CHARS) {
                    throw new Malformed("is longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
                }
                if (quoted) {
                    if (c < 0) {
                        throw new Malformed("has a quoted field that is never closed");
                    }
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c < 0 || c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            pending = after;
                        }
                    }
                    if (c >= 0) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }

    /** A record that cannot be told from the next: too long, or its quote never closed. */
    private static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
