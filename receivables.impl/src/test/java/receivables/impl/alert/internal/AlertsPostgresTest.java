package receivables.impl.alert.internal;

import receivables.impl.persistence.internal.TestDatabase;

class AlertsPostgresTest extends AlertsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
