package receivables.impl.reconciliation.internal;

import java.util.List;

import receivables.api.statement.StatementFormat;
import receivables.payments.bank.internal.CamtStatementReader;
import receivables.payments.bank.internal.Mt940StatementReader;

/** The real statement readers of {@code receivables.payments.bank}, as the framework would offer them. */
final class BankStatementReaders {

    private BankStatementReaders() {
    }

    static List<StatementFormat> all() {
        return List.of(new CamtStatementReader.Camt053(), new CamtStatementReader.Camt054(), new CamtStatementReader.Camt052(),
                new Mt940StatementReader(), new Mt940StatementReader.Mt942());
    }
}
