package receivables.impl.persistence.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New entities to write together once the work that made them is done, by {@link Database#insert}: one COPY or
 * JDBC batch per entity class, the classes in the order given (a row after the rows it refers to), then the classes not named
 * in the order they came. Hibernate neither manages nor flushes them, which for a billing batch of hundreds of
 * invoices with their lines, installments and journal entries is most of its work.
 */
public final class NewRows {

    private final Map<Class<?>, List<Object>> byClass = new LinkedHashMap<>();

    /** Rows of the classes {@code order}, written in that order. */
    public NewRows(Class<?>... order) {
        for (Class<?> type : order) {
            byClass.put(type, new ArrayList<>());
        }
    }

    /** One more new entity; nothing may change it once it is written. */
    public void add(Object entity) {
        byClass.computeIfAbsent(entity.getClass(), type -> new ArrayList<>()).add(entity);
    }

    /** The entities of each class that has any, in the order to write them. */
    List<List<Object>> batches() {
        return byClass.values().stream().filter(rows -> !rows.isEmpty()).toList();
    }
}
