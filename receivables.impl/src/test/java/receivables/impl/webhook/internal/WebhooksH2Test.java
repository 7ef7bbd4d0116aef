package receivables.impl.webhook.internal;

import receivables.impl.persistence.internal.TestDatabase;

class WebhooksH2Test extends WebhooksContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.h2();
    }
}
