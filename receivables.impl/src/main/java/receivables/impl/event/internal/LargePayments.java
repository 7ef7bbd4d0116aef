package receivables.impl.event.internal;

import java.math.BigDecimal;

/** Which payments are large enough for their own alert, per tenant's configuration. */
public interface LargePayments {

    boolean large(String tenant, String currency, BigDecimal amount);
}
