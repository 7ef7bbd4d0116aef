package receivables.impl.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.impl.approval.internal.FourEyesFixture;
import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerRequest;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * What customer accounts must do on every database we support; each subclass supplies one database.
 */
abstract class StoredCustomerAccountsContract {

    static final TenantId ALPHA = new TenantId("alpha");
    static final TenantId BETA = new TenantId("beta");

    @RegisterExtension
    final TestDatabase testDatabase = testDatabase();

    StoredCustomerAccounts customers;

    abstract TestDatabase testDatabase();

    @BeforeEach
    void wire() {
        customers = new StoredCustomerAccounts(testDatabase.get(), new StoredPaymentTerms(testDatabase.get()),
                TestDatabases.personalDataKeys(testDatabase.get()), FourEyesFixture.off(testDatabase.get()),
                new CollectorAssignment());
    }

    @Test
    void createsAnAccountAndFindsItAgain() {
        CustomerAccount created = customers.create(ALPHA,
                CustomerRequest.of(" C-1 ", "  Acme GmbH ", "DE123456789", "ap@acme.example", "EUR"));

        assertThat(created.number()).isEqualTo("C-1");
        assertThat(created.name()).isEqualTo("Acme GmbH");
        assertThat(created.version()).isZero();
        assertThat(customers.find(ALPHA, created.id())).contains(created);
    }

    @Test
    void aTenantNeverSeesNorChangesAnotherTenantsAccounts() {
        CustomerAccount alphas = customers.create(ALPHA, details("C-7", "Alpha's customer"));

        assertThat(customers.find(BETA, alphas.id())).isEmpty();
        assertThat(customers.list(BETA, null, PageRequest.first()).totalItems()).isZero();
        assertThatThrownBy(() -> customers.update(BETA, alphas.id(), details("C-7", "Hijacked"), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(customers.create(BETA, details("C-7", "Beta's own")).number()).isEqualTo("C-7");
        assertThat(customers.find(ALPHA, alphas.id()).orElseThrow().name()).isEqualTo("Alpha's customer");
    }

    @Test
    void refusesInvalidDetailsNamingEveryFieldAndStoresNothing() {
        assertThatThrownBy(() -> customers.create(ALPHA, CustomerRequest.of(null, " ", null, "not-mail", "eur")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("name", "currency", "email"));
        assertThatThrownBy(() -> customers.create(ALPHA, CustomerRequest.of(null, "X".repeat(201), null, null, "QQQ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("name", "currency"));
        assertThatThrownBy(() -> customers.create(ALPHA, null)).isInstanceOf(InvalidRequestException.class);

        assertThat(customers.list(ALPHA, null, PageRequest.first()).totalItems()).isZero();
    }

    @Test
    void aCustomerNumberIsUniqueWithinTheTenant() {
        CustomerAccount first = customers.create(ALPHA, details("C-1", "First"));
        CustomerAccount second = customers.create(ALPHA, details("C-2", "Second"));

        assertThatThrownBy(() -> customers.create(ALPHA, details("C-1", "Copy"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> customers.update(ALPHA, second.id(), details("C-1", "Second"), null))
                .isInstanceOf(ConflictException.class);
        assertThat(customers.update(ALPHA, first.id(), details("C-1", "First, renamed"), null).name())
                .isEqualTo("First, renamed");
        assertThat(customers.list(ALPHA, null, PageRequest.first()).totalItems()).isEqualTo(2);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefused() {
        CustomerAccount account = customers.create(ALPHA, details(null, "Versioned"));
        CustomerAccount updated = customers.update(ALPHA, account.id(), details(null, "Versioned 2"), 0L);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(account.updatedAt());
        assertThatThrownBy(() -> customers.update(ALPHA, account.id(), details(null, "Lost update"), 0L))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 1");
        assertThat(customers.find(ALPHA, account.id()).orElseThrow().name()).isEqualTo("Versioned 2");
        assertThatThrownBy(() -> customers.update(ALPHA, UUID.randomUUID(), details(null, "Ghost"), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCollectorsListHoldsOnlyTheirAssignedAccountsAndCountsOnlyThose() {
        CustomerAccount first = customers.create(ALPHA, details("K-1", "Kappa One"));
        CustomerAccount second = customers.create(ALPHA, details("K-2", "Kappa Two"));
        customers.create(ALPHA, details("K-3", "Kappa Three"));

        assertThat(customers.assignCollector(ALPHA, first.id(), " ada ").collector()).isEqualTo("ada");
        customers.assignCollector(ALPHA, second.id(), "ada");
        customers.assignCollector(ALPHA, second.id(), null);
        Page<CustomerAccount> adas = customers.listAssigned(ALPHA, "ada", "kappa", PageRequest.first());

        assertThat(adas.items()).extracting(CustomerAccount::id).containsExactly(first.id());
        assertThat(adas.totalItems()).isEqualTo(1);
        assertThat(customers.listAssigned(BETA, "ada", null, PageRequest.first()).totalItems()).isZero();
        assertThat(customers.list(ALPHA, "kappa", PageRequest.first()).totalItems()).isEqualTo(3);
        assertThatThrownBy(() -> customers.assignCollector(ALPHA, first.id(), "a\u0000b"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> customers.assignCollector(BETA, first.id(), "ada")).isInstanceOf(NotFoundException.class);
        assertThat(customers.find(ALPHA, first.id()).orElseThrow().collector()).isEqualTo("ada");
    }

    @Test
    void listsByNameInPagesAndFiltersLiterally() {
        for (String name : List.of("Delta", "alpha 100%", "Bravo", "Charlie_1", "Charlie21")) {
            customers.create(ALPHA, details(null, name));
        }

        Page<CustomerAccount> first = customers.list(ALPHA, null, new PageRequest(0, 2));
        Page<CustomerAccount> third = customers.list(ALPHA, null, new PageRequest(2, 2));

        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(third.items()).extracting(CustomerAccount::name).containsExactly("Delta");
        assertThat(customers.list(ALPHA, "CHARLIE_", PageRequest.first()).items())
                .extracting(CustomerAccount::name).containsExactly("Charlie_1");
        assertThat(customers.list(ALPHA, "100%", PageRequest.first()).items())
                .extracting(CustomerAccount::name).containsExactly("alpha 100%");
    }

    @Test
    void concurrentCreatesOfTheSameNumberLeaveExactlyOne() throws Exception {
        int clerks = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CustomerAccount>> attempts = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            String name = "Clerk " + i;
            Callable<CustomerAccount> create = () -> {
                start.await();
                return customers.create(ALPHA, details("RACE-1", name));
            };
            attempts.add(pool.submit(create));
        }
        start.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<CustomerAccount> attempt : attempts) {
            try {
                attempt.get(30, TimeUnit.SECONDS);
                created++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                conflicts++;
            }
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(conflicts).isEqualTo(clerks - 1);
        assertThat(customers.list(ALPHA, null, PageRequest.first()).totalItems()).isEqualTo(1);
    }

    static CustomerRequest details(String number, String name) {
        return CustomerRequest.of(number, name, null, null, "EUR");
    }
}
