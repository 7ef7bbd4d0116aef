package receivables.impl.fx.internal;

import receivables.impl.persistence.internal.Database;

public final class FxFixture {

    private FxFixture() {
    }

    public static StoredExchangeRates rates(Database database) {
        StoredExchangeRates rates = new StoredExchangeRates();
        rates.database = database;
        return rates;
    }
}
