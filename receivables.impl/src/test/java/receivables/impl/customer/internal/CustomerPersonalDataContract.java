package receivables.impl.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.impl.approval.internal.FourEyesFixture;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.audit.AuditQuery;
import receivables.api.audit.AuditRecord;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerPersonalData;
import receivables.api.customer.CustomerRequest;
import receivables.impl.audit.internal.StoredAuditTrail;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.persistence.internal.TestDatabase;
import receivables.impl.persistence.internal.TestDatabases;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.provider.internal.SealedSecrets;
import receivables.impl.terms.internal.StoredPaymentTerms;

/**
 * Customers' personal data on every database we support: encrypted at rest, found by IBAN through a keyed hash,
 * exported and erased on request, its keys rotated without touching it. Each subclass supplies one database.
 */
abstract class CustomerPersonalDataContract {

    static final TenantId ALPHA = new TenantId("alpha");
    static final TenantId BETA = new TenantId("beta");
    static final String IBAN = "DE89370400440532013000";
    static final CustomerRequest PERSONAL = new CustomerRequest("C-1", "Jane Doe Trading", "DE811907980",
            "jane.doe@example.org", "EUR", "Jane Doe", "+49 30 1234567",
            new BillingAddress("Hauptstrasse 5", null, "10115", "Berlin", null, "DE"), null, null, null, null, null, null,
            "de89 3704 0044 0532 0130 00");

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
    void personalDataIsStoredSealedAndReadBackInClear() {
        CustomerAccount created = customers.create(ALPHA, PERSONAL);

        assertThat(created.iban()).isEqualTo(IBAN);
        assertThat(customers.find(ALPHA, created.id()).orElseThrow()).isEqualTo(created);
        List<String> raw = rawColumns(created.id());
        assertThat(raw).hasSize(5);
        assertThat(raw.subList(0, 4)).allSatisfy(value -> assertThat(value).startsWith(TenantCipher.PREFIX));
        assertThat(String.join("|", raw)).doesNotContain("DE811907980", "jane.doe", "example.org", "1234567",
                "370400440532013000");
        assertThat(created.toString()).doesNotContain("DE811907980", "jane.doe", "1234567", IBAN);
        assertThat(PERSONAL.toString()).doesNotContain("DE811907980", "jane.doe", "1234567", "3704 0044");
    }

    @Test
    void aCustomerIsFoundByIbanWithoutTheIbanStoredInClearAndOnlyInItsTenant() {
        CustomerAccount created = customers.create(ALPHA, PERSONAL);
        customers.create(ALPHA, CustomerRequest.of("C-2", "Someone else", null, null, "EUR"));

        assertThat(customers.findByIban(ALPHA, " DE89 3704 0044 0532 0130 00 ")).extracting(CustomerAccount::id)
                .containsExactly(created.id());
        assertThat(customers.findByIban(ALPHA, "GB29NWBK60161331926819")).isEmpty();
        assertThat(customers.findByIban(BETA, IBAN)).isEmpty();
        assertThat(customers.findByIban(ALPHA, " ")).isEmpty();
    }

    @Test
    void anIbanThatFailsItsCheckDigitsIsRefusedNamingTheField() {
        for (String bad : new String[] { "DE89370400440532013001", "DE8937", "not an iban", "ДЕ89370400440532013000" }) {
            assertThatThrownBy(() -> customers.create(ALPHA, new CustomerRequest(null, "X", null, null, "EUR", null, null,
                    null, null, null, null, null, null, null, bad)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("iban"));
        }
        assertThat(customers.list(ALPHA, null, PageRequest.first()).totalItems()).isZero();
    }

    @Test
    void anUnchangedFieldKeepsItsSealedValueAndTheTrailWithholdsPersonalValues() {
        CustomerAccount created = customers.create(ALPHA, PERSONAL);
        List<String> before = rawColumns(created.id());
        customers.update(ALPHA, created.id(), new CustomerRequest("C-1", "Jane Doe Trading GmbH", PERSONAL.taxId(),
                "jane@example.org", "EUR", PERSONAL.contactName(), PERSONAL.phone(), PERSONAL.billingAddress(), null,
                null, null, null, null, null, IBAN), 0L);

        List<String> after = rawColumns(created.id());
        assertThat(after.get(0)).as("tax id").isEqualTo(before.get(0));
        assertThat(after.get(1)).as("e-mail").isNotEqualTo(before.get(1));
        assertThat(after.get(2)).as("phone").isEqualTo(before.get(2));
        assertThat(after.get(3)).as("iban").isEqualTo(before.get(3));
        List<AuditRecord> trail = trail(created.id());
        assertThat(trail.get(1).changes()).extracting(change -> change.field())
                .containsExactlyInAnyOrder("name", "email", "updatedAt");
        assertThat(trail.toString()).doesNotContain("jane", "DE811907980", "+49 30", IBAN);
    }

    @Test
    void personalDataIsExportedAndErasedWhileTheAccountStays() {
        CustomerAccount created = customers.create(ALPHA, PERSONAL);

        CustomerPersonalData export = customers.personalData(ALPHA, created.id());
        assertThat(export.taxId()).isEqualTo("DE811907980");
        assertThat(export.email()).isEqualTo("jane.doe@example.org");
        assertThat(export.iban()).isEqualTo(IBAN);
        assertThat(export.billingAddress().city()).isEqualTo("Berlin");
        assertThat(export.erasedAt()).isNull();
        assertThat(export.toString()).doesNotContain("jane", "DE811907980");

        CustomerAccount erased = customers.erasePersonalData(ALPHA, created.id());
        assertThat(erased.name()).startsWith("Erased customer ").doesNotContain("Jane");
        assertThat(erased.number()).isEqualTo("C-1");
        assertThat(erased.currency()).isEqualTo("EUR");
        assertThat(erased.email()).isNull();
        assertThat(erased.taxId()).isNull();
        assertThat(erased.iban()).isNull();
        assertThat(erased.contactName()).isNull();
        assertThat(erased.billingAddress()).isEqualTo(new BillingAddress(null, null, null, null, null, "DE"));
        assertThat(rawColumns(created.id())).containsOnlyNulls();
        assertThat(customers.findByIban(ALPHA, IBAN)).isEmpty();
        assertThat(customers.personalData(ALPHA, created.id()).erasedAt()).isNotNull();
        assertThat(customers.erasePersonalData(ALPHA, created.id())).isEqualTo(erased);
        assertThat(trail(created.id())).hasSize(2);
        assertThatThrownBy(() -> customers.erasePersonalData(BETA, created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customers.personalData(BETA, created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theHostKeyIsRotatedByResealingTheDataKeysNotTheData() {
        byte[] oldHostKey = key();
        byte[] newHostKey = key();
        customers = withKeys(new PersonalDataKeys(new SealedSecrets(oldHostKey)));
        CustomerAccount created = customers.create(ALPHA, PERSONAL);
        List<String> sealedData = rawColumns(created.id());
        String wrappedBefore = wrappedKey();

        PersonalDataKeys rotated = new PersonalDataKeys(new SealedSecrets(newHostKey, oldHostKey));
        customers = withKeys(rotated);
        assertThat(customers.find(ALPHA, created.id()).orElseThrow().email()).isEqualTo("jane.doe@example.org");
        boolean first = testDatabase.get().inTransaction(ALPHA, session -> rotated.rewrap(session));
        boolean again = testDatabase.get().inTransaction(ALPHA, session -> rotated.rewrap(session));
        assertThat(first).isTrue();
        assertThat(again).as("already under the new host key").isFalse();

        assertThat(wrappedKey()).isNotEqualTo(wrappedBefore);
        assertThat(rawColumns(created.id())).isEqualTo(sealedData);
        customers = withKeys(new PersonalDataKeys(new SealedSecrets(newHostKey)));
        assertThat(customers.find(ALPHA, created.id()).orElseThrow().iban()).isEqualTo(IBAN);
    }

    private StoredCustomerAccounts withKeys(PersonalDataKeys keys) {
        return new StoredCustomerAccounts(testDatabase.get(), new StoredPaymentTerms(testDatabase.get()), keys,
                FourEyesFixture.off(testDatabase.get()), new CollectorAssignment());
    }

    @Test
    void aValueCopiedIntoAnotherTenantsRowDoesNotOpen() {
        CustomerAccount alphas = customers.create(ALPHA, PERSONAL);
        CustomerAccount betas = customers.create(BETA, CustomerRequest.of("C-1", "Beta's", null, "b@example.org", "EUR"));
        String alphasEmail = rawColumns(alphas.id()).get(1);
        testDatabase.get().inTransaction(BETA, session -> session.createNativeMutationQuery(
                "update customer_account set email = :email where id = :id").setParameter("email", alphasEmail)
                .setParameter("id", betas.id()).executeUpdate());

        assertThatThrownBy(() -> customers.find(BETA, betas.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open").hasMessageNotContaining("jane");
    }

    @Test
    void theMigrationSealsWhatAnOlderReleaseStoredInClear() throws Exception {
        String schema = testDatabase.postgres() ? TestDatabases.createPostgresSchema() : null;
        HibernateDatabase migrated = null;
        try {
            UUID id = UUID.randomUUID();
            migrated = TestDatabases.startedAfter(schema, "17", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into customer_account (tenant_id, id, "
                        + "name, tax_id, email, phone, currency, version, created_at, updated_at, credit_hold) values "
                        + "('alpha', ?, 'Old Customer', 'DE811907980', 'old@example.org', '+49 30 1234567', 'EUR', 0, "
                        + "current_timestamp, current_timestamp, false)")) {
                    insert.setObject(1, id);
                    insert.executeUpdate();
                }
            });
            StoredCustomerAccounts onMigrated = new StoredCustomerAccounts(migrated, new StoredPaymentTerms(migrated),
                    TestDatabases.personalDataKeys(migrated), FourEyesFixture.off(migrated), new CollectorAssignment());

            assertThat(String.join("|", rawColumns(migrated, id))).doesNotContain("DE811907980", "old@example.org", "1234567");
            CustomerAccount account = onMigrated.find(ALPHA, id).orElseThrow();
            assertThat(account.taxId()).isEqualTo("DE811907980");
            assertThat(account.email()).isEqualTo("old@example.org");
            assertThat(account.phone()).isEqualTo("+49 30 1234567");
        } finally {
            if (migrated != null) {
                TestDatabases.stop(migrated);
            }
            if (schema != null) {
                TestDatabases.dropPostgresSchema(schema);
            }
        }
    }

    private List<AuditRecord> trail(UUID id) {
        return new StoredAuditTrail(testDatabase.get()).find(ALPHA, new AuditQuery("customer", id.toString(), null, null, null), PageRequest.first()).items();
    }

    private List<String> rawColumns(UUID id) {
        return rawColumns(testDatabase.get(), id);
    }

    /** The columns as the database holds them: tax id, e-mail, phone, IBAN, IBAN index. */
    private static List<String> rawColumns(HibernateDatabase database, UUID id) {
        return database.inTransaction(ALPHA, session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select tax_id, email, phone, iban, iban_index from customer_account where id = ?")) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= 5; i++) {
                        values.add(row.getString(i));
                    }
                    return values;
                }
            }
        }));
    }

    private String wrappedKey() {
        return testDatabase.get().inTransaction(ALPHA, session -> session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select wrapped_key from tenant_data_key where tenant_id = 'alpha'");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }));
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
