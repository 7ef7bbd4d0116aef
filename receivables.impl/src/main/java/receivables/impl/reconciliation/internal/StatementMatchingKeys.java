package receivables.impl.reconciliation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.flywaydb.core.api.migration.Context;

import receivables.api.statement.CreditorReference;
import receivables.impl.customer.internal.PayerNames;
import receivables.impl.persistence.internal.SchemaMigration;

/**
 * Migration 46: the keys by which a statement import looks up, per batch of lines, the open invoices and customers its
 * lines can name, instead of holding all of a tenant's open invoices: each invoice's number as its letters and digits
 * (what a creditor reference or a number in the remittance text is compared with) and each customer's name as a
 * payer's is compared with. Both are computed here in Java, as matching computes them, and kept by the entities from
 * then on. The indexes are whole, not partial on the open statuses: PostgreSQL, planning without statistics, took
 * partial ones for other queries on invoices and read far more than with theirs.
 */
public final class StatementMatchingKeys extends SchemaMigration {

    private static final int CHUNK = 1000;

    public StatementMatchingKeys() {
        super("46", "statement matching keys");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table invoice add column number_key varchar(40)");
            ddl.execute("alter table customer_account add column name_key varchar(400)");
        }
        fill(connection, "invoice", "invoice_number", "number_key", CreditorReference::lettersAndDigits);
        fill(connection, "customer_account", "name", "name_key", PayerNames::canonical);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create index invoice_number_key_ix on invoice (tenant_id, number_key)");
            ddl.execute("create index invoice_open_amount_ix on invoice (tenant_id, open_amount, currency)");
            ddl.execute("create index customer_account_name_key_ix on customer_account (tenant_id, name_key)");
        }
    }

    /**
     * Keys every row of {@code table} that has a {@code source}, a chunk at a time in primary key order, so that each
     * chunk starts where the last ended instead of scanning past the rows already keyed.
     */
    private static void fill(Connection connection, String table, String source, String key,
            UnaryOperator<String> keyOf) throws Exception {
        record Row(String tenant, UUID id, String source) {
        }
        List<Row> rows;
        Row last = new Row("", new UUID(0, 0), null);
        do {
            rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select tenant_id, id, " + source + " from "
                    + table + " where (tenant_id > ? or tenant_id = ? and id > ?) and " + source + " is not null"
                    + " order by tenant_id, id fetch first " + CHUNK + " rows only")) {
                select.setString(1, last.tenant());
                select.setString(2, last.tenant());
                select.setObject(3, last.id());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Row(row.getString(1), row.getObject(2, UUID.class), row.getString(3)));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set " + key + " = ?"
                    + " where tenant_id = ? and id = ?")) {
                for (Row row : rows) {
                    update.setString(1, keyOf.apply(row.source()));
                    update.setString(2, row.tenant());
                    update.setObject(3, row.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            if (!rows.isEmpty()) {
                last = rows.get(rows.size() - 1);
            }
        } while (rows.size() == CHUNK);
    }
}
