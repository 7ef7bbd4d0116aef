package receivables.impl.persistence.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.hibernate.query.NativeQuery;

import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import receivables.api.money.Money;

/**
 * A row of a native query, read by column name (H2 answers labels in upper case, PostgreSQL in lower case),
 * each value converted by {@link NativeValues} from whatever the JDBC driver returned. Positions never matter:
 * a column added to a query cannot shift what another one is read as.
 */
public final class NativeRow {

    private final Map<String, Integer> columns;
    private final Object[] values;

    private NativeRow(Map<String, Integer> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    public static List<NativeRow> list(NativeQuery<Tuple> query) {
        return stream(query).toList();
    }

    /** The rows as the query streams them, for results too large to hold. */
    public static Stream<NativeRow> stream(NativeQuery<Tuple> query) {
        Map<String, Integer> columns = new HashMap<>();
        return query.getResultStream().map(tuple -> {
            if (columns.isEmpty()) {
                List<TupleElement<?>> elements = tuple.getElements();
                for (int i = 0; i < elements.size(); i++) {
                    columns.put(elements.get(i).getAlias().toLowerCase(Locale.ROOT), i);
                }
            }
            return new NativeRow(columns, tuple.toArray());
        });
    }

    private Object value(String column) {
        Integer index = columns.get(column.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new IllegalArgumentException("the query has no column " + column + "; it has " + columns.keySet());
        }
        return values[index];
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    public UUID uuid(String column) {
        Object value = value(column);
        return value == null ? null : NativeValues.uuid(value);
    }

    public BigDecimal decimal(String column) {
        Object value = value(column);
        return value == null ? null : NativeValues.decimal(value);
    }

    public long number(String column) {
        return ((Number) value(column)).longValue();
    }

    public double real(String column) {
        return ((Number) value(column)).doubleValue();
    }

    public int integer(String column) {
        return ((Number) value(column)).intValue();
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    public LocalDate date(String column) {
        return NativeValues.date(value(column));
    }

    public Instant instant(String column) {
        return NativeValues.instant(value(column));
    }

    /** The amount in {@code amountColumn} in the currency of {@code currencyColumn}; {@code null} if either is. */
    public Money money(String currencyColumn, String amountColumn) {
        String currency = text(currencyColumn);
        BigDecimal amount = decimal(amountColumn);
        return currency == null || amount == null ? null : Money.of(amount, currency);
    }
}
