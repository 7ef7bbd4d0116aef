package receivables.bench;

/**
 * One line of the results table: how long ours and the baseline took for the same work on the same database.
 *
 * @param oursSeconds  when {@code oursTimedOut}, the time limit it did not finish within
 * @param check        what was verified to be equal between the two, or what was not (then containing "DIFFER")
 */
record Measurement(String workload, String database, double oursSeconds, boolean oursTimedOut, double baselineSeconds,
        String check) {

    Measurement(String workload, String database, double oursSeconds, double baselineSeconds, String check) {
        this(workload, database, oursSeconds, false, baselineSeconds, check);
    }

    double ratio() {
        return oursSeconds / baselineSeconds;
    }

    /** The table's cells for ours and the ratio: a lower bound when ours was stopped at the time limit. */
    String oursCell() {
        return (oursTimedOut ? "> " : "") + String.format("%.3f", oursSeconds);
    }

    /** No ratio when the check failed: two runs that did different work have none. */
    String ratioCell() {
        if (!verified()) {
            return "none";
        }
        return (oursTimedOut ? "> " : "") + String.format("%.2f", ratio());
    }

    boolean verified() {
        return !check.contains("DIFFER");
    }
}
