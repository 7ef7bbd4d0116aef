package receivables.impl.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import org.hibernate.Session;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;

/**
 * Uploaded files kept in the database until a background run has done with them, so that whichever node runs it
 * can read the file. A file is kept in pieces, written and read one at a time, so that no node ever holds a whole
 * file in memory. Each kind of upload has its table of {@code (tenant_id, import_id, piece, content)}.
 */
public final class KeptFiles {

    static final int PIECE_BYTES = 256 * 1024;

    private final String table;

    /** The files kept in {@code table}. */
    public KeptFiles(String table) {
        this.table = table;
    }

    /** The refusal of a body that could not be read to its end. */
    public static InvalidRequestException unreadable(IOException e) {
        return new InvalidRequestException(FieldViolation.of("body", "could not be read to its end: " + e.getMessage()));
    }

    /**
     * Keeps {@code content}, read to its end, in the caller's transaction.
     *
     * @return its size in bytes
     * @throws InvalidRequestException when the content cannot be read to its end
     */
    public long keep(Session session, TenantId tenant, UUID importId, InputStream content) {
        Keeping keeping = keeping(session, tenant, importId, content);
        return keeping.finish();
    }

    /**
     * {@code content} as a stream that keeps, in the caller's transaction, what is read of it: the file is read
     * once, for a check, while it is kept. {@link Keeping#finish} keeps whatever the reader left unread.
     */
    public Keeping keeping(Session session, TenantId tenant, UUID importId, InputStream content) {
        return new Keeping(session, tenant, importId, content);
    }

    /** The content as it is read, kept a piece at a time; closing it leaves the content open. */
    public final class Keeping extends InputStream {

        private final Session session;
        private final TenantId tenant;
        private final UUID importId;
        private final InputStream content;
        private final byte[] piece = new byte[PIECE_BYTES];
        private int filled;
        private int pieces;
        private long size;

        private Keeping(Session session, TenantId tenant, UUID importId, InputStream content) {
            this.session = session;
            this.tenant = tenant;
            this.importId = importId;
            this.content = content;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (filled == PIECE_BYTES) {
                write();
            }
            int count = content.read(piece, filled, Math.min(length, PIECE_BYTES - filled));
            if (count < 0) {
                return -1;
            }
            System.arraycopy(piece, filled, buffer, offset, count);
            filled += count;
            size += count;
            return count;
        }

        @Override
        public void close() {
            // the content belongs to the caller, who reads it to its end with finish()
        }

        /**
         * Keeps the rest of the content and the last piece.
         *
         * @return the size of the content in bytes
         * @throws InvalidRequestException when the content cannot be read to its end
         */
        public long finish() {
            byte[] rest = new byte[PIECE_BYTES];
            try {
                while (read(rest, 0, rest.length) >= 0) {
                    // what a piece holds is kept as it fills
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (filled > 0) {
                write();
            }
            return size;
        }

        private void write() {
            byte[] bytes = filled == PIECE_BYTES ? piece.clone() : Arrays.copyOf(piece, filled);
            session.createNativeMutationQuery("insert into " + table + " (tenant_id, import_id, piece, content)"
                            + " values (:tenant, :import, :piece, :content)")
                    .setParameter("tenant", tenant.value()).setParameter("import", importId)
                    .setParameter("piece", pieces++).setParameter("content", bytes)
                    .executeUpdate();
            filled = 0;
        }
    }

    /** The kept file as a stream that reads one piece at a time, each in a transaction of its own. */
    public InputStream read(Database database, TenantId tenant, UUID importId) {
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
                                    + " from " + table + " where tenant_id = :tenant and import_id = :import"
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
    public void forget(Session session, TenantId tenant, UUID importId) {
        session.createNativeMutationQuery("delete from " + table + " where tenant_id = :tenant and import_id = :import")
                .setParameter("tenant", tenant.value()).setParameter("import", importId)
                .executeUpdate();
    }
}
