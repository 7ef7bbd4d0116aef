package receivables.impl.history.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import receivables.api.history.HistoryFormat;

/**
 * Reads a history file of one format as a stream, one record at a time, handing each to a {@link HistorySink}:
 * whatever the bytes, a reader reports what is wrong there and never throws.
 */
interface HistoryReader {

    void read(InputStream in, HistorySink sink);

    static HistoryReader of(HistoryFormat format) {
        return switch (format) {
            case CSV -> new CsvHistoryReader();
            case JSON -> new JsonHistoryReader();
        };
    }

    /** The bytes as UTF-8 text, refusing what is not UTF-8 rather than reading it as something else. */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
