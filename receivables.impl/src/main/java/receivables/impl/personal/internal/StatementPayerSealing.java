package receivables.impl.personal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.Context;

import receivables.impl.persistence.internal.SchemaMigration;

/**
 * Migration 29.1: seals the payers (counterparty name and IBAN) of the bank statement lines stored in clear before
 * migration 29 under each tenant's data key and indexes their IBANs, a chunk of lines at a time so that a large
 * history does not have to fit in memory, in the migration's transaction.
 */
public final class StatementPayerSealing extends SchemaMigration {

    private static final int CHUNK = 1000;

    private final PersonalDataKeys keys;

    public StatementPayerSealing(PersonalDataKeys keys) {
        super("29.1", "statement payers sealed");
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        record Clear(String tenant, UUID id, String name, String iban) {
        }
        List<Clear> rows;
        do {
            rows = new ArrayList<>();
            // a sealed line no longer matches, so each chunk is the next one
            try (PreparedStatement select = connection.prepareStatement("select tenant_id, id, counterparty_name,"
                    + " counterparty_iban from bank_statement_line where (counterparty_name is not null and"
                    + " counterparty_name not like '" + TenantCipher.PREFIX + "%') or (counterparty_iban is not null"
                    + " and counterparty_iban not like '" + TenantCipher.PREFIX + "%') fetch first " + CHUNK
                    + " rows only");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Clear(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4)));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update bank_statement_line set"
                    + " counterparty_name = ?, counterparty_iban = ?, counterparty_iban_index = ?"
                    + " where tenant_id = ? and id = ?")) {
                for (Clear clear : rows) {
                    TenantCipher cipher = keys.cipher(connection, clear.tenant());
                    String iban = cipher.open(clear.iban());
                    update.setString(1, PersonalDataSealing.sealed(cipher, clear.name()));
                    update.setString(2, PersonalDataSealing.sealed(cipher, clear.iban()));
                    update.setString(3, cipher.ibanIndex(iban));
                    update.setString(4, clear.tenant());
                    update.setObject(5, clear.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        } while (rows.size() == CHUNK);
    }
}
