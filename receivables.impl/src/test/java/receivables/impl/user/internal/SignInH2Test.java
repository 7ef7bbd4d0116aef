package receivables.impl.user.internal;

import receivables.impl.persistence.internal.TestDatabase;

class SignInH2Test extends SignInContract {

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
