package receivables.impl.reconciliation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.TenantId;
import receivables.impl.persistence.internal.Database;

/**
 * Statement files kept in the database until they are imported, so that whichever node imports a file can read it.
 * A file is kept in pieces, written and read one at a time, so that no node ever holds a whole file in memory.
 */
final class StatementUploads {

    static final int PIECE_BYTES = 256 * 1024;

    private StatementUploads() {
    }

    /**
     * Keeps {@code content}, read to its end, in the caller's transaction.
     *
     * @return its size in bytes
     * @throws receivables.api.InvalidRequestException when the content cannot be read to its end
     */
    static long keep(Session session, TenantId tenant, UUID importId, InputStream content) {
        long size = 0;
        for (int piece = 0;; piece++) {
            byte[] bytes;
            try {
                bytes = content.readNBytes(PIECE_BYTES);
            } catch (IOException e) {
                throw BackgroundStatementImports.unreadable(e);
            }
            if (bytes.length == 0) {
                return size;
            }
            session.createNativeMutationQuery("insert into bank_statement_upload (tenant_id, import_id, piece, content)"
                            + " values (:tenant, :import, :piece, :content)")
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setParameter("piece", piece).setParameter("content", bytes)
                    .executeUpdate();
            size += bytes.length;
        }
    }

    /** The kept file as a stream that reads one piece at a time, each in a transaction of its own. */
    static InputStream read(Database database, TenantId tenant, UUID importId) {
        return new InputStream() {
            private byte[] piece = new byte[0];
            private int next;
            private int position;
            private boolean ended;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == piece.length) {
                    if (ended) {
                        return -1;
                    }
                    int number = next++;
                    piece = database.inTransaction(tenant, session -> session.createNativeQuery("select content"
                                    + " from bank_statement_upload where tenant_id = :tenant and import_id = :import"
                                    + " and piece = :piece", byte[].class)
                            .setParameter("tenant", tenant.value()).setParameter("import", importId)
                            .setParameter("piece", number)
                            .getResultStream().findFirst().orElse(null));
                    position = 0;
                    if (piece == null) {
                        piece = new byte[0];
                        ended = true;
                    }
                }
                int count = Math.min(length, piece.length - position);
                System.arraycopy(piece, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }

    /** Drops the kept file, in the caller's transaction. */
    static void forget(Session session, TenantId tenant, UUID importId) {
        session.createNativeMutationQuery("delete from bank_statement_upload where tenant_id = :tenant"
                        + " and import_id = :import")
                .setParameter("tenant", tenant.value()).setParameter("import", importId)
                .executeUpdate();
    }
}
