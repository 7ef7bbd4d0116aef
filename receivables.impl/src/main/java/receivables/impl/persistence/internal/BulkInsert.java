package receivables.impl.persistence.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows inserted into one table at once, in the caller's transaction: on PostgreSQL by {@code COPY … FROM STDIN} in
 * its text format (one round trip and no statement to parse for all of them), elsewhere as one JDBC batch. A batch of
 * statement lines is a few hundred rows; they are held in memory until written.
 *
 * <p>The driver's copy API is the only part of the PostgreSQL driver this bundle uses, and its import is optional: a
 * host that runs on H2 has no PostgreSQL driver. Its classes are touched only once the connection proved to be
 * PostgreSQL's through a driver this bundle is wired to; otherwise the rows go as a batch, on PostgreSQL too.
 */
public final class BulkInsert {

    private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    /** Rows for {@code table}, each with a value for every one of {@code columns}, in their order. */
    public BulkInsert(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * One more row: {@code null} is SQL's null; text, numbers, decimals, booleans, UUIDs, dates and moments
     * ({@code Instant}, {@code OffsetDateTime}) are written as the column's type reads them, an enum by its name.
     */
    public BulkInsert row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + table + " has " + columns.size() + " values, not "
                    + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    /** Inserts the rows on {@code connection}. */
    public void into(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (copies(connection)) {
            copy(connection);
        } else {
            batch(connection);
        }
    }

    private static boolean copies(Connection connection) throws SQLException {
        Class<?> driverConnection;
        try {
            driverConnection = Class.forName(DRIVER_CONNECTION, false, BulkInsert.class.getClassLoader());
        } catch (ClassNotFoundException noDriver) {
            return false;
        }
        return connection.isWrapperFor(driverConnection);
    }

    private void copy(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                copyValue(text, row[i]);
            }
            text.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns)
                    + ") from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("the rows for " + table + " could not be sent", e);
        }
    }

    /**
     * A value in COPY's text format: {@code \N} for null; a decimal in plain notation; a boolean as {@code t} or
     * {@code f}; a date as {@code yyyy-mm-dd}, with {@code BC} before year 1 ({@code LocalDate.toString} writes a year
     * beyond 9999 with a sign and one before year 1 as a negative number); a moment as its day and time in UTC, the
     * same way; an enum by its name; text with the format's own characters (backslash, tab, newline, carriage return)
     * escaped.
     */
    private static void copyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof LocalDate date) {
            day(text, date).append(date.getYear() > 0 ? "" : " BC");
        } else if (value instanceof Instant || value instanceof OffsetDateTime) {
            Instant moment = value instanceof Instant instant ? instant : ((OffsetDateTime) value).toInstant();
            // Rounded half up to the server's microseconds, as the driver rounds a bound value.
            LocalDateTime utc = LocalDateTime.ofInstant(moment.plusNanos(500).truncatedTo(ChronoUnit.MICROS),
                    ZoneOffset.UTC);
            day(text, utc.toLocalDate()).append(' ');
            padded(text, utc.getHour(), 2).append(':');
            padded(text, utc.getMinute(), 2).append(':');
            padded(text, utc.getSecond(), 2).append('.');
            padded(text, utc.getNano() / 1_000, 6).append("+00").append(utc.getYear() > 0 ? "" : " BC");
        } else if (value instanceof Enum<?> constant) {
            text.append(constant.name());
        } else {
            String plain = value.toString();
            if (!needsEscapes(plain)) {
                text.append(plain);
                return;
            }
            for (int i = 0; i < plain.length(); i++) {
                char c = plain.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }

    /** Whether {@code plain} has one of COPY's own characters; most text (an audit record's JSON) has none. */
    private static boolean needsEscapes(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** A day as {@code yyyy-mm-dd}, a year before 1 counted back from 1 BC (the caller adds the {@code BC}). */
    private static StringBuilder day(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        padded(text, year > 0 ? year : 1 - year, 4).append('-');
        padded(text, date.getMonthValue(), 2).append('-');
        return padded(text, date.getDayOfMonth(), 2);
    }

    private static StringBuilder padded(StringBuilder text, int number, int digits) {
        String plain = Integer.toString(number);
        return text.append("0".repeat(Math.max(0, digits - plain.length()))).append(plain);
    }

    private void batch(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " ("
                + String.join(", ", columns) + ") values (?" + ", ?".repeat(columns.size() - 1) + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        insert.setNull(i + 1, Types.OTHER);
                    } else if (row[i] instanceof LocalDate date) {
                        insert.setObject(i + 1, date, Types.DATE);
                    } else if (row[i] instanceof Instant instant) {
                        insert.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                    } else if (row[i] instanceof Enum<?> constant) {
                        insert.setString(i + 1, constant.name());
                    } else {
                        insert.setObject(i + 1, row[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
