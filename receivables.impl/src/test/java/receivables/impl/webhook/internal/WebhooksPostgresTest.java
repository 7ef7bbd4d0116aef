package receivables.impl.webhook.internal;

import receivables.impl.persistence.internal.TestDatabase;

class WebhooksPostgresTest extends WebhooksContract {

    @Override
    protected TestDatabase testDatabase() {
        return TestDatabase.postgres(4);
    }
}
