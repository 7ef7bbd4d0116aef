package receivables.impl.collections.internal;

import receivables.impl.persistence.internal.TestDatabase;

class NoticeTemplatesH2Test extends NoticeTemplatesContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
