package receivables.impl.fx.internal;

import receivables.impl.persistence.internal.TestDatabase;

class RevaluationsH2Test extends RevaluationsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
