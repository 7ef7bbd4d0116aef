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
 * Migration 20: seals the personal data stored in clear before migration 18 (tax ids, e-mail addresses, phone
 * numbers of customers) under each tenant's data key, creating the keys it needs, in the migration's transaction.
 */
public final class PersonalDataSealing extends SchemaMigration {

    private final PersonalDataKeys keys;

    public PersonalDataSealing(PersonalDataKeys keys) {
        super("20", "personal data sealed");
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        record Clear(String tenant, UUID id, String taxId, String email, String phone) {
        }
        List<Clear> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select tenant_id, id, tax_id, email, phone "
                + "from customer_account where tax_id is not null or email is not null or phone is not null");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Clear(row.getString(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                        row.getString(5)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update customer_account set tax_id = ?, email = ?, phone = ? where tenant_id = ? and id = ?")) {
            for (Clear clear : rows) {
                TenantCipher cipher = keys.cipher(connection, clear.tenant());
                update.setString(1, sealed(cipher, clear.taxId()));
                update.setString(2, sealed(cipher, clear.email()));
                update.setString(3, sealed(cipher, clear.phone()));
                update.setString(4, clear.tenant());
                update.setObject(5, clear.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static String sealed(TenantCipher cipher, String value) {
        return value == null || value.startsWith(TenantCipher.PREFIX) ? value : cipher.seal(value);
    }
}
