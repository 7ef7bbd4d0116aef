package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.TenantId;
import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabases;

/**
 * What the jqwik tests of a resource's parameters share: resources called as tenant {@code hostile} over a ledger
 * on H2, made anew for each property, and the rule that a refusal is a 400 naming only parameters the client gave.
 */
abstract class HostileParameters {

    private static final TenantId TENANT = new TenantId("hostile");

    final ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { ContainerRequestContext.class },
            (proxy, method, args) -> method.getName().equals("getProperty")
                    && TenantFilter.TENANT_PROPERTY.equals(args[0]) ? TENANT : null);
    private HibernateDatabase database;

    /** Builds the resources under test on this property's database. */
    abstract void wire(HibernateDatabase database, LedgerFixture ledger);

    @BeforeProperty
    void openTheLedger() {
        database = TestDatabases.h2();
        wire(database, LedgerFixture.on(database));
    }

    @AfterProperty
    void closeTheDatabase() {
        TestDatabases.stop(database);
    }

    /** No failure, or an {@link InvalidRequestException} naming at least one field, each of them in {@code parameters}. */
    static void assertOnlyNamed(Throwable failure, Set<String> parameters) {
        if (failure == null) {
            return;
        }
        assertThat(failure).isInstanceOf(InvalidRequestException.class);
        List<String> named = ((InvalidRequestException) failure).violations().stream().map(FieldViolation::field).toList();
        assertThat(named).isNotEmpty().allMatch(parameters::contains);
    }
}
