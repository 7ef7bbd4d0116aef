package receivables.impl.tenant.internal;

import receivables.impl.persistence.internal.TestDatabase;

class MachineCredentialsH2Test extends MachineCredentialsContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
