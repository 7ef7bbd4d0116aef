package receivables.impl.collections.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

/**
 * A template's text, parsed strictly into literal text and {@code {{name}}} placeholders of a known set: no
 * expressions, no nesting, nothing evaluated. Rendering inserts each value once, so a value that itself reads
 * {@code {{customer}}} stays that text, and escapes for where it lands: nothing for plain text, HTML entities for
 * HTML (the template's own text included, so a template cannot carry markup either).
 */
final class TemplateText {

    /** A value as plain text and as an HTML fragment that is safe to insert as it is. */
    record Value(String text, String html) {

        static Value of(String text) {
            String clean = printable(text);
            return new Value(clean, escape(clean).replace("\n", "<br>\n"));
        }
    }

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String name) implements Part {
    }

    private final List<Part> parts;

    private TemplateText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}, refusing it with a violation of {@code field} when a placeholder is not in {@code known},
     * a {@code {{} is not closed, or a {@code }}} stands alone.
     */
    static TemplateText parse(String field, String text, Set<String> known, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(FieldViolation.of(field, "is required"));
        }
        if (text.length() > maxLength) {
            throw new InvalidRequestException(FieldViolation.of(field, "must be at most " + maxLength + " characters"));
        }
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            int strayClose = text.indexOf("}}", at);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new InvalidRequestException(FieldViolation.of(field, "has '}}' without '{{' at character " + (strayClose + 1)));
            }
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new InvalidRequestException(FieldViolation.of(field, "has '{{' without '}}' at character " + (open + 1)));
            }
            String name = text.substring(open + 2, close).strip();
            if (!known.contains(name)) {
                throw new InvalidRequestException(FieldViolation.of(field, "has the unknown placeholder {{"
                        + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "}}; known: " + String.join(", ", known)));
            }
            parts.add(new Placeholder(name));
            at = close + 2;
        }
        return new TemplateText(parts);
    }

    /** The text with each placeholder's plain value; a missing value is empty. */
    String text(Map<String, Value> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal literal ? literal.text() : value(values, ((Placeholder) part).name()).text());
        }
        return out.toString();
    }

    /** The text on one line: what a subject header can carry. */
    String line(Map<String, Value> values) {
        return text(values).replaceAll("\\s+", " ").strip();
    }

    /** The text as an HTML fragment: literal text escaped with its line breaks kept, values as their HTML. */
    String html(Map<String, Value> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal literal ? escape(literal.text()).replace("\n", "<br>\n")
                    : value(values, ((Placeholder) part).name()).html());
        }
        return out.toString();
    }

    private static Value value(Map<String, Value> values, String name) {
        Value value = values.get(name);
        return value == null ? new Value("", "") : value;
    }

    /** Escapes for HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The text without control characters (line breaks and tabs kept) and without unpaired surrogates. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                out.appendCodePoint(c);
            } else if (c == '\r') {
                return;
            } else if (!Character.isISOControl(c) && (c < 0xD800 || c > 0xDFFF) && c != 0xFFFE && c != 0xFFFF) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
