package receivables.api.collections;

/** Where a day's dunning run stands; the database stores the name, so none is renamed. */
public enum DunningRunStatus {
    RUNNING,
    COMPLETED
}
