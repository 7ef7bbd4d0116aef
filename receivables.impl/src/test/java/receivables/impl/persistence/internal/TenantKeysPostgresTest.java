package receivables.impl.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;

/**
 * The schema as Flyway leaves it on PostgreSQL, read from the catalog: every primary key, unique constraint, unique
 * index and foreign key (on both of its sides) starts with {@code tenant_id}, and every table has that column, so
 * that a tenant-sharded PostgreSQL (Citus) can distribute every table by tenant and keep each tenant's rows, and
 * their joins, on one node. Only the tables in {@link #GLOBAL} are exempt, each for the reason given there.
 */
class TenantKeysPostgresTest {

    /** Tables that belong to the installation, not to a tenant: reference tables in Citus' terms. */
    static final Map<String, String> GLOBAL = Map.of(
            "flyway_schema_history", "Flyway's own record of the migrations applied to the schema");

    @RegisterExtension
    final TestDatabase testDatabase = TestDatabase.postgres(2);

    /** One key of a table as the catalog has it: its kind, name, first column and, for a foreign key, the target's. */
    record Key(String table, String kind, String name, String first, String referencedTable, String referencedFirst) {

        @Override
        public String toString() {
            return table + " " + kind + " " + name + " starts with " + first
                    + (referencedTable == null ? "" : ", references " + referencedTable + " starting with " + referencedFirst);
        }
    }

    @Test
    void everyKeyOfEveryTenantTableStartsWithTheTenant() {
        List<Key> keys = keys();
        assertThat(keys).as("the schema has keys").hasSizeGreaterThan(40);
        List<Key> wrong = new ArrayList<>();
        for (Key key : keys) {
            if (GLOBAL.containsKey(key.table())) {
                continue;
            }
            boolean referencesGlobal = key.referencedTable() != null && GLOBAL.containsKey(key.referencedTable());
            if (!"tenant_id".equals(key.first())
                    || key.referencedTable() != null && !referencesGlobal && !"tenant_id".equals(key.referencedFirst())) {
                wrong.add(key);
            }
        }
        assertThat(wrong).as("keys that do not start with tenant_id").isEmpty();
    }

    @Test
    void everyTableButTheGlobalOnesHasATenantAndAPrimaryKey() {
        List<String> tables = strings("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1");
        Set<String> withTenant = Set.copyOf(strings("select table_name from information_schema.columns "
                + "where table_schema = current_schema() and column_name = 'tenant_id'"));
        Set<String> withPrimaryKey = Set.copyOf(strings("select c.conrelid::regclass::text from pg_constraint c "
                + "join pg_namespace n on n.oid = c.connamespace where n.nspname = current_schema() and c.contype = 'p'"));
        assertThat(tables).as("the migrated tables").hasSizeGreaterThan(30).containsAll(GLOBAL.keySet());
        assertThat(tables.stream().filter(table -> !GLOBAL.containsKey(table))
                .filter(table -> !withTenant.contains(table) || !withPrimaryKey.contains(table)).toList())
                .as("tables without tenant_id or without a primary key").isEmpty();
    }

    /** Every primary, unique and foreign key constraint, and every unique index that backs no constraint. */
    private List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        for (Object[] row : rows("select c.conrelid::regclass::text, c.contype::text, c.conname::text, "
                + "(select a.attname::text from pg_attribute a where a.attrelid = c.conrelid and a.attnum = c.conkey[1]), "
                + "case when c.contype = 'f' then c.confrelid::regclass::text end, "
                + "(select a.attname::text from pg_attribute a where a.attrelid = c.confrelid and a.attnum = c.confkey[1]) "
                + "from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                + "where n.nspname = current_schema() and c.contype in ('p', 'u', 'f')")) {
            keys.add(new Key(text(row[0]), kind(text(row[1])), text(row[2]), text(row[3]), text(row[4]), text(row[5])));
        }
        for (Object[] row : rows("select i.indrelid::regclass::text, ci.relname::text, "
                + "pg_get_indexdef(i.indexrelid, 1, true) from pg_index i join pg_class ci on ci.oid = i.indexrelid "
                + "join pg_namespace n on n.oid = ci.relnamespace where n.nspname = current_schema() and i.indisunique "
                + "and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)")) {
            keys.add(new Key(text(row[0]), "unique index", text(row[1]), text(row[2]), null, null));
        }
        return keys;
    }

    private static String kind(String contype) {
        return switch (contype) {
            case "p" -> "primary key";
            case "u" -> "unique constraint";
            default -> "foreign key";
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().replace("\"", "");
    }

    private List<String> strings(String sql) {
        return testDatabase.get().inTransaction(new TenantId("catalog"), session -> session
                .createNativeQuery(sql, String.class).getResultList()).stream().map(TenantKeysPostgresTest::text).toList();
    }

    private List<Object[]> rows(String sql) {
        return testDatabase.get().inTransaction(new TenantId("catalog"), session -> session
                .createNativeQuery(sql, Object[].class).getResultList());
    }
}
