package receivables.impl.report.internal;

import receivables.impl.persistence.internal.Database;

public final class AgingFixture {

    private AgingFixture() {
    }

    public static SqlAging aging(Database database) {
        SqlAging aging = new SqlAging();
        aging.database = database;
        return aging;
    }
}
