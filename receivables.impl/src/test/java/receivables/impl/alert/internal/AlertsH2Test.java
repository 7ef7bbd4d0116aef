package receivables.impl.alert.internal;

import receivables.impl.persistence.internal.TestDatabase;

class AlertsH2Test extends AlertsContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
