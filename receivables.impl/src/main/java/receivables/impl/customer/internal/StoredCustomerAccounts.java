package receivables.impl.customer.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.ConflictException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerAccounts;
import receivables.api.customer.CustomerDetails;
import receivables.impl.persistence.internal.Database;
import receivables.impl.validation.internal.Violations;

/**
 * Customer accounts kept in the receivables database.
 */
@Component(service = CustomerAccounts.class)
public class StoredCustomerAccounts implements CustomerAccounts {

    static final int MAX_NAME = 200;
    static final int MAX_KEY = 64;

    @Reference
    Database database;

    Clock clock = Clock.systemUTC();

    @Override
    public CustomerAccount create(TenantId tenant, CustomerDetails details) {
        validate(details);
        return database.inTransaction(tenant, session -> {
            requireNumberFree(session, details.number(), null);
            CustomerAccountEntity account = new CustomerAccountEntity(UUID.randomUUID(), details, clock.instant().truncatedTo(ChronoUnit.MICROS));
            session.persist(account);
            session.flush();
            return account.toValue();
        });
    }

    @Override
    public Optional<CustomerAccount> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant,
                session -> Optional.ofNullable(session.find(CustomerAccountEntity.class, id))
                        .map(CustomerAccountEntity::toValue));
    }

    @Override
    public CustomerAccount update(TenantId tenant, UUID id, CustomerDetails details, Long expectedVersion) {
        validate(details);
        return database.inTransaction(tenant, session -> {
            CustomerAccountEntity account = session.find(CustomerAccountEntity.class, id);
            if (account == null) {
                throw new NotFoundException("customer", id);
            }
            if (expectedVersion != null && expectedVersion != account.version()) {
                throw new ConflictException("customer " + id + " is at version " + account.version()
                        + ", not " + expectedVersion + ": read it again and reapply the change");
            }
            requireNumberFree(session, details.number(), id);
            account.apply(details, clock.instant().truncatedTo(ChronoUnit.MICROS));
            session.flush();
            return account.toValue();
        });
    }

    @Override
    public Page<CustomerAccount> list(TenantId tenant, String nameContains, PageRequest page) {
        String pattern = nameContains == null || nameContains.isBlank()
                ? null
                : "%" + escapeLike(nameContains.trim().toLowerCase()) + "%";
        return database.inTransaction(tenant, session -> {
            String where = pattern == null ? "" : " where lower(c.name) like :pattern escape '\\'";
            var items = session.createSelectionQuery("from CustomerAccount c" + where + " order by lower(c.name), c.id",
                    CustomerAccountEntity.class);
            var count = session.createSelectionQuery("select count(*) from CustomerAccount c" + where, Long.class);
            if (pattern != null) {
                items.setParameter("pattern", pattern);
                count.setParameter("pattern", pattern);
            }
            var values = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(CustomerAccountEntity::toValue).toList();
            return new Page<>(values, page.page(), page.size(), count.getSingleResult());
        });
    }

    private static void validate(CustomerDetails details) {
        if (details == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        new Violations()
                .required("name", details.name())
                .maxLength("name", details.name(), MAX_NAME)
                .required("currency", details.currency())
                .currency("currency", details.currency())
                .maxLength("number", details.number(), MAX_KEY)
                .maxLength("taxId", details.taxId(), MAX_KEY)
                .email("email", details.email())
                .maxLength("email", details.email(), 254)
                .throwIfAny();
    }

    private static void requireNumberFree(Session session, String number, UUID except) {
        if (number == null || number.isBlank()) {
            return;
        }
        boolean taken = session.createSelectionQuery(
                        "select c.id from CustomerAccount c where c.number = :number", UUID.class)
                .setParameter("number", number.trim())
                .getResultStream()
                .anyMatch(found -> !Objects.equals(found, except));
        if (taken) {
            throw new ConflictException("customer number " + number.trim() + " is already used by another customer");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
