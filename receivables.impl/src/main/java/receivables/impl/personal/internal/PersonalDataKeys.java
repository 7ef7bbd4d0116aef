package receivables.impl.personal.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.impl.persistence.internal.SchemaMigration;
import receivables.impl.provider.internal.SealedSecrets;

/**
 * Each tenant's personal data key: 32 random bytes made on the tenant's first use, stored in {@code tenant_data_key}
 * sealed by the host key ({@link SealedSecrets}, the key that also seals provider secrets), and kept opened in memory.
 * Rotating the host key re-seals these few keys, never the data they protect.
 */
@Component(service = PersonalDataKeys.class)
public class PersonalDataKeys {

    private static final String DUPLICATE_KEY = "23505";

    private final SealedSecrets hostKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TenantCipher> opened = new ConcurrentHashMap<>();

    @Activate
    public PersonalDataKeys(@Reference SealedSecrets hostKey) {
        this.hostKey = hostKey;
    }

    /** The cipher of the tenant whose transaction {@code session} runs. */
    public TenantCipher cipher(Session session) {
        String tenant = session.getTenantIdentifier();
        TenantCipher cipher = opened.get(tenant);
        return cipher != null ? cipher : session.doReturningWork(connection -> cipher(connection, tenant));
    }

    /**
     * The tenant's cipher, its key created on first use within the transaction of {@code connection}. Two first
     * users may both try to create it: the second one's insert does nothing (PostgreSQL) or fails on the key and is
     * ignored (H2, where a failed statement leaves the transaction usable), and both read the one that was stored.
     */
    TenantCipher cipher(Connection connection, String tenant) throws SQLException {
        TenantCipher cached = opened.get(tenant);
        if (cached != null) {
            return cached;
        }
        String wrapped = wrapped(connection, tenant);
        boolean stored = wrapped != null;
        if (!stored) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            boolean postgres = SchemaMigration.postgres(connection);
            try (PreparedStatement insert = connection.prepareStatement("insert into tenant_data_key (tenant_id, "
                    + "wrapped_key, created_at) values (?, ?, ?)" + (postgres ? " on conflict do nothing" : ""))) {
                insert.setString(1, tenant);
                insert.setString(2, hostKey.seal(Base64.getEncoder().encodeToString(fresh)));
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
            wrapped = wrapped(connection, tenant);
        }
        TenantCipher cipher = new TenantCipher(tenant, Base64.getDecoder().decode(hostKey.open(wrapped)), random);
        if (stored) {
            // A key made in this transaction is kept only once it was read committed: it may yet roll back.
            opened.put(tenant, cipher);
        }
        return cipher;
    }

    /**
     * Seals the tenant's data key again under the current host key when it is still sealed under a previous one.
     *
     * @return whether it had to
     */
    public boolean rewrap(Session session) {
        String tenant = session.getTenantIdentifier();
        return session.doReturningWork(connection -> {
            String wrapped = wrapped(connection, tenant);
            if (wrapped == null || hostKey.sealedWithCurrentKey(wrapped)) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update tenant_data_key set wrapped_key = ? where tenant_id = ?")) {
                update.setString(1, hostKey.seal(hostKey.open(wrapped)));
                update.setString(2, tenant);
                update.executeUpdate();
            }
            return true;
        });
    }

    private static String wrapped(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select wrapped_key from tenant_data_key where tenant_id = ?")) {
            select.setString(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
