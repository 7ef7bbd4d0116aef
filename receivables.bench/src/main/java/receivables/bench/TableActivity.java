package receivables.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL counted per table of the current schema: rows inserted and updated, sequential scans and the
 * rows they read, scans by index. Shows,
 * without a statement log, which writes and reads a workload really issued. PostgreSQL only; H2 keeps no
 * such statistics.
 */
final class TableActivity {

    private TableActivity() {
    }

    /** Call on a new connection after the workload's connections are closed: backends report when they end. */
    static void print(FreshDatabase store, String whose) throws SQLException, InterruptedException {
        if (store.kind != DatabaseKind.POSTGRES) {
            return;
        }
        Thread.sleep(1_500);
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select relname, n_tup_ins, n_tup_upd, seq_scan, seq_tup_read, idx_scan"
                        + " from pg_stat_user_tables where schemaname = current_schema()"
                        + " and (n_tup_ins + n_tup_upd + coalesce(idx_scan, 0)) > 0 order by relname")) {
            System.out.printf("  table activity (%s): %-24s %10s %10s %10s %15s %10s%n", whose, "table", "inserted",
                    "updated", "seq scans", "rows seq read", "idx scans");
            while (rows.next()) {
                System.out.printf("  %-21s %-24s %,10d %,10d %,10d %,15d %,10d%n", "", rows.getString(1), rows.getLong(2),
                        rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6));
            }
        }
    }
}
