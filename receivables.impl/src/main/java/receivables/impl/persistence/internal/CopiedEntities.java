package receivables.impl.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * New entities of one class as rows for {@link BulkInsert}, made from Hibernate's own mapping of them: the table,
 * the columns and the values its insert binds, after what its insert does first (the version seeded, the tenant
 * filled in by its generator, both also set on the entity). What PostgreSQL then copies in one round trip Hibernate
 * would bind value by value, which was most of a billing batch's time in Java.
 *
 * <p>Only what the ledger's new rows need is taken: an entity of one table whose values are all bound by the
 * application. A class mapped otherwise (a value the database generates, a second table) is refused, never written
 * differently.
 */
final class CopiedEntities {

    /** Hears of each entity as it becomes a row, with the id and state Hibernate's insert event would carry. */
    @FunctionalInterface
    interface Inserted {
        void inserted(EntityPersister persister, Object id, Object[] state);
    }

    private CopiedEntities() {
    }

    /** {@code entities}, all of one class, as the rows of its table; {@code inserted} hears of each in turn. */
    static BulkInsert rows(SharedSessionContractImplementor session, List<Object> entities, Inserted inserted) {
        EntityPersister persister = session.getEntityPersister(null, entities.get(0));
        String table = persister.getTableName();
        boolean[] insertable = persister.getPropertyInsertability();
        for (int i = 0; i < insertable.length; i++) {
            if (insertable[i]) {
                requireBoundByUs(persister, persister.getAttributeMapping(i));
            }
        }
        List<String> columns = new ArrayList<>();
        BulkInsert insert = null;
        for (Object entity : entities) {
            Object[] state = persister.getValues(entity);
            if (persister.isVersioned() && Versioning.seedVersion(entity, state, persister, session)) {
                persister.setValues(entity, state);
            }
            generateBeforeInsert(persister, entity, state, session);
            Object id = persister.getIdentifier(entity, session);
            List<Object> row = new ArrayList<>(Math.max(columns.size(), 16));
            // The columns are the class's: named, and checked to be the table's, from the first entity.
            boolean first = insert == null;
            ModelPart.JdbcValueConsumer column = (index, value, selectable) -> {
                if (selectable.isInsertable() && !selectable.isFormula()) {
                    if (first) {
                        requireOwnTable(table, selectable);
                        columns.add(selectable.getSelectionExpression());
                    }
                    row.add(value instanceof Enum<?> constant ? name(constant, selectable) : value);
                }
            };
            persister.getIdentifierMapping().decompose(id, column, session);
            for (int i = 0; i < state.length; i++) {
                AttributeMapping attribute = persister.getAttributeMapping(i);
                if (insertable[i] && !(attribute instanceof PluralAttributeMapping)) {
                    attribute.decompose(state[i], column, session);
                }
            }
            if (insert == null) {
                insert = new BulkInsert(table, columns);
            }
            insert.row(row.toArray());
            inserted.inserted(persister, id, state);
        }
        return insert;
    }

    /** What Hibernate's insert generates in memory before it binds (the tenant id from the session). */
    private static void generateBeforeInsert(EntityPersister persister, Object entity, Object[] state,
            SharedSessionContractImplementor session) {
        if (!persister.hasPreInsertGeneratedProperties()) {
            return;
        }
        Generator[] generators = persister.getGenerators();
        for (int i = 0; i < generators.length; i++) {
            Generator generator = generators[i];
            if (generator != null && generator.generatesOnInsert() && generator.generatedBeforeExecution(entity, session)) {
                state[i] = ((BeforeExecutionGenerator) generator).generate(session, entity, state[i], EventType.INSERT);
                persister.setValue(entity, i, state[i]);
            }
        }
    }

    private static void requireOwnTable(String table, SelectableMapping selectable) {
        if (!table.equals(selectable.getContainingTableExpression())) {
            throw new IllegalStateException("column " + selectable.getSelectionExpression() + " is in table "
                    + selectable.getContainingTableExpression() + ", not " + table + ": its entity cannot be copied");
        }
    }

    private static void requireBoundByUs(EntityPersister persister, AttributeMapping attribute) {
        Generator generator = attribute.getGenerator();
        if (generator != null && generator.generatesOnInsert() && generator.generatedOnExecution()) {
            throw new IllegalStateException(persister.getEntityName() + "." + attribute.getAttributeName()
                    + " is generated by the database: its entity cannot be copied");
        }
    }

    /** An enum as a text column holds it; one stored by its ordinal would be written differently, so it is refused. */
    private static String name(Enum<?> constant, SelectableMapping selectable) {
        if (!selectable.getJdbcMapping().getJdbcType().isString()) {
            throw new IllegalStateException("column " + selectable.getSelectionExpression()
                    + " does not keep its enum by name: its entity cannot be copied");
        }
        return constant.name();
    }
}
