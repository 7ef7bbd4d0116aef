package receivables.impl.persistence.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads the columns of native queries, whose Java types differ between JDBC drivers, and keeps text within the
 * columns it is written to.
 */
public final class NativeValues {

    private NativeValues() {
    }

    public static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    /** A uuid column: a UUID from PostgreSQL, 16 bytes from H2, text from others. */
    public static UUID uuid(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    /** A timestamp with time zone: an Instant, an OffsetDateTime or a Timestamp, as the driver has it. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /**
     * {@code text} as a column of {@code length} characters keeps it: cut to that length, and every control
     * character (a NUL, which PostgreSQL refuses, or what a wrong code page made of a letter) replaced by U+FFFD,
     * so that what a bank file or a provider says is never stored as control characters.
     */
    public static String clip(String text, int length) {
        if (text == null) {
            return null;
        }
        String clipped = text.length() <= length ? text : text.substring(0, length);
        return clipped.chars().anyMatch(Character::isISOControl) ? clipped.replaceAll("\\p{Cc}", "\uFFFD") : clipped;
    }
}
