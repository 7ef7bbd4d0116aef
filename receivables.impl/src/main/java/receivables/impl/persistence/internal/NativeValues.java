package receivables.impl.persistence.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Reads the columns of native queries, whose Java types differ between JDBC drivers.
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
}
