package receivables.impl.report.internal;

import receivables.impl.persistence.internal.Database;

public final class StatementsFixture {

    private StatementsFixture() {
    }

    public static SqlCustomerStatements statements(Database database) {
        SqlCustomerStatements statements = new SqlCustomerStatements();
        statements.database = database;
        return statements;
    }
}
