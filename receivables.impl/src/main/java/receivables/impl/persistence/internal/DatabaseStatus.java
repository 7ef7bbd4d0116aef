package receivables.impl.persistence.internal;

/**
 * What the health check reports about the database.
 *
 * @param up            a connection answered a query just now
 * @param product       database product and version, e.g. {@code PostgreSQL 15.19}
 * @param url           JDBC URL without credentials
 * @param schemaVersion the latest applied migration, or {@code null} when none is
 * @param detail        why it is down, or {@code null}
 */
public record DatabaseStatus(boolean up, String product, String url, String schemaVersion, String detail) {
}
