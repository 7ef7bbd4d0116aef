package receivables.impl.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A history file as JSON (UTF-8): one object with the arrays {@code customers}, {@code invoices} and
 * {@code payments}, each of objects whose fields are text, numbers or null. Read token by token, so that the file
 * is never held whole; a record is named by the line its object starts on.
 */
final class JsonHistoryReader implements HistoryReader {

    private static final Map<String, HistoryRecord.Kind> SECTIONS = Map.of("customers", HistoryRecord.Kind.CUSTOMER,
            "invoices", HistoryRecord.Kind.INVOICE, "payments", HistoryRecord.Kind.PAYMENT);
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                    .maxStringLength(CsvHistoryReader.MAX_RECORD_CHARS).maxNumberLength(40).build())
            .build();

    @Override
    public void read(InputStream in, HistorySink sink) {
        try (JsonParser json = JSON.createParser(HistoryReader.utf8(in))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                sink.violation(line(json), "body", "must be a JSON object with the arrays customers, invoices and payments");
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                HistoryRecord.Kind kind = SECTIONS.get(name);
                JsonToken value = json.nextToken();
                if (kind == null || value != JsonToken.START_ARRAY) {
                    sink.violation(line(json), name, kind == null ? "is not a part of a history file; the parts are"
                            + " customers, invoices and payments" : "must be an array of " + name);
                    json.skipChildren();
                    continue;
                }
                readRecords(json, kind, sink);
            }
            if (json.nextToken() != null) {
                sink.violation(line(json), "body", "goes on after its object ends");
            }
        } catch (JsonProcessingException e) {
            sink.violation(e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr()), "body",
                    "is not well-formed JSON: " + e.getOriginalMessage() + "; the file is read no further");
        } catch (IOException e) {
            sink.violation(1, "body", "could not be read: " + e.getMessage()
                    + " (send UTF-8 text); the file is read no further");
        }
    }

    private static void readRecords(JsonParser json, HistoryRecord.Kind kind, HistorySink sink) throws IOException {
        for (JsonToken token = json.nextToken(); token != null && token != JsonToken.END_ARRAY; token = json.nextToken()) {
            long line = line(json);
            if (token != JsonToken.START_OBJECT) {
                sink.violation(line, HistoryFields.RECORD, "must be an object");
                json.skipChildren();
                continue;
            }
            Map<String, String> values = new HashMap<>();
            boolean right = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (value.isStructStart()) {
                    sink.violation(line, field, "must be text, a number or null");
                    json.skipChildren();
                    right = false;
                } else if (values.containsKey(field)) {
                    sink.violation(line, field, "is given twice");
                    right = false;
                } else if (value != JsonToken.VALUE_NULL) {
                    values.put(field, json.getText());
                }
            }
            values.values().removeIf(String::isBlank);
            if (right) {
                HistoryFields.read(kind, line, values, sink);
            }
        }
    }

    private static long line(JsonParser json) {
        return Math.max(1, json.currentTokenLocation().getLineNr());
    }
}
