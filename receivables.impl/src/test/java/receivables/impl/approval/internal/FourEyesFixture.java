package receivables.impl.approval.internal;

import receivables.impl.audit.internal.CallerScope;
import receivables.impl.event.internal.BusinessEvents;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.tenant.internal.TenantDirectory;

/** {@link FourEyes} built as Declarative Services would build it. */
public final class FourEyesFixture {

    private FourEyesFixture() {
    }

    /** Four eyes for tenants without configuration: nothing waits. */
    public static FourEyes off(HibernateDatabase database) {
        return new FourEyes(new TenantDirectory(), new StoredExchangeRates(database), new CallerScope(),
                new BusinessEvents());
    }

    /** Four eyes by the tenants' settings, naming as requester whoever {@code callers} holds. */
    public static FourEyes of(HibernateDatabase database, TenantDirectory tenants, CallerScope callers,
            BusinessEvents events) {
        return new FourEyes(tenants, new StoredExchangeRates(database), callers, events);
    }
}
