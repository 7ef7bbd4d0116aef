package receivables.impl.customer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.LockModeType;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;
import receivables.api.approval.ApprovalKind;
import receivables.api.approval.ApprovalRequest;
import receivables.api.customer.BillingAddress;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerAccounts;
import receivables.api.customer.CustomerPersonalData;
import receivables.api.customer.CustomerRequest;
import receivables.api.money.Money;
import receivables.impl.approval.internal.ApprovalRequestEntity;
import receivables.impl.approval.internal.ApprovedCommand;
import receivables.impl.approval.internal.FourEyes;
import receivables.impl.approval.internal.Outcome;
import receivables.impl.approval.internal.WaitingCommand;
import receivables.impl.collections.internal.CollectorAssignment;
import receivables.impl.persistence.internal.Database;
import receivables.impl.persistence.internal.UnitOfWork;
import receivables.impl.personal.internal.PersonalDataKeys;
import receivables.impl.personal.internal.TenantCipher;
import receivables.impl.terms.internal.StoredPaymentTerms;
import receivables.impl.validation.internal.Violations;

/**
 * Customer accounts kept in the receivables database.
 */
@Component(service = { CustomerAccounts.class, StoredCustomerAccounts.class, ApprovedCommand.class })
public class StoredCustomerAccounts implements CustomerAccounts, ApprovedCommand {

    static final int MAX_NAME = 200;
    static final int MAX_KEY = 64;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Database database;
    private final StoredPaymentTerms paymentTerms;
    private final PersonalDataKeys personalDataKeys;
    private final FourEyes fourEyes;
    private final CollectorAssignment collectors;

    @Activate
    public StoredCustomerAccounts(@Reference Database database, @Reference StoredPaymentTerms paymentTerms,
            @Reference PersonalDataKeys personalDataKeys, @Reference FourEyes fourEyes,
            @Reference CollectorAssignment collectors) {
        this.database = database;
        this.paymentTerms = paymentTerms;
        this.personalDataKeys = personalDataKeys;
        this.fourEyes = fourEyes;
        this.collectors = collectors;
    }

    Clock clock = Clock.systemUTC();

    @Override
    public CustomerAccount create(TenantId tenant, CustomerRequest details) {
        return database.inTransaction(tenant, session -> create(session, tenant, details));
    }

    /** Creates the account in the caller's session and transaction, as {@link #create(TenantId, CustomerRequest)}. */
    public CustomerAccount create(Session session, TenantId tenant, CustomerRequest details) {
        validate(details);
        requireNumberFree(session, details.number(), null);
        requireKnownTerms(session, details.paymentTermsCode());
        TenantCipher cipher = personalDataKeys.cipher(session);
        CustomerAccountEntity account = new CustomerAccountEntity(UUID.randomUUID(), details,
                clock.instant().truncatedTo(ChronoUnit.MICROS), cipher);
        session.persist(account);
        collectors.assign(session, tenant, account);
        session.flush();
        return account.toValue(cipher);
    }

    @Override
    public Optional<CustomerAccount> find(TenantId tenant, UUID id) {
        return database.inTransaction(tenant,
                session -> Optional.ofNullable(session.find(CustomerAccountEntity.class, id))
                        .map(account -> account.toValue(personalDataKeys.cipher(session))));
    }

    /** The customer in the caller's session, its personal data opened. */
    public Optional<CustomerAccount> find(Session session, UUID id) {
        return Optional.ofNullable(session.find(CustomerAccountEntity.class, id))
                .map(account -> account.toValue(personalDataKeys.cipher(session)));
    }

    @Override
    public CustomerAccount update(TenantId tenant, UUID id, CustomerRequest details, Long expectedVersion) {
        validate(details);
        return database.inTransaction(tenant, (session, tx) -> {
            CustomerAccountEntity account = session.find(CustomerAccountEntity.class, id);
            if (account == null) {
                throw new NotFoundException("customer", id);
            }
            if (expectedVersion != null && expectedVersion != account.version()) {
                throw new ConflictException("customer " + id + " is at version " + account.version()
                        + ", not " + expectedVersion + ": read it again and reapply the change");
            }
            requireNumberFree(session, details.number(), id);
            requireKnownTerms(session, details.paymentTermsCode());
            TenantCipher cipher = personalDataKeys.cipher(session);
            BigDecimal limit = account.creditLimit();
            boolean raise = limit != null && (details.creditLimit() == null || details.creditLimit().compareTo(limit) > 0);
            if (!raise || !fourEyes.on(tenant)) {
                account.apply(details, clock.instant().truncatedTo(ChronoUnit.MICROS), cipher);
                collectors.assign(session, tenant, account);
                session.flush();
                return Outcome.done(account.toValue(cipher));
            }
            return Outcome.<CustomerAccount>waiting(waitForRaise(session, tx, tenant, account, details, cipher));
        }).orAwaitApproval();
    }

    /**
     * Applies everything of {@code details} but the raise of the credit limit, which waits for approval; one raise of
     * a customer waits at a time.
     */
    private ApprovalRequest waitForRaise(Session session, UnitOfWork tx, TenantId tenant, CustomerAccountEntity account,
            CustomerRequest details, TenantCipher cipher) {
        fourEyes.pendingRaise(session, account.id()).ifPresent(waiting -> {
            throw new ConflictException("a raise of customer " + account.id() + "'s credit limit already waits for "
                    + "approval (request " + waiting.id() + "); have it approved or rejected first");
        });
        if (!account.currency().equals(details.currency())) {
            throw new ConflictException("a raise of the credit limit waits for approval in the customer's currency "
                    + account.currency() + ": change the currency and raise the limit in two requests");
        }
        Money previous = Money.of(account.creditLimit(), account.currency());
        account.apply(details, clock.instant().truncatedTo(ChronoUnit.MICROS), cipher);
        account.limitCredit(previous.amount());
        collectors.assign(session, tenant, account);
        session.flush();
        return fourEyes.request(session, tx, tenant, WaitingCommand.creditLimitIncrease(account.id(), previous,
                details.creditLimit() == null ? null : Money.of(details.creditLimit(), account.currency())));
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.CREDIT_LIMIT_INCREASE;
    }

    /** Raises the customer's limit as asked, provided it is still the limit the raise started from. */
    @Override
    public UUID carryOut(Session session, UnitOfWork tx, TenantId tenant, ApprovalRequestEntity request) {
        CustomerAccountEntity account = session.find(CustomerAccountEntity.class, request.customerId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new ConflictException("customer " + request.customerId() + " no longer exists");
        }
        Money previous = request.previousLimit();
        if (!account.currency().equals(previous.currency()) || account.creditLimit() == null
                || account.creditLimit().compareTo(previous.amount()) != 0) {
            throw new ConflictException("customer " + account.id() + "'s credit limit is now "
                    + (account.creditLimit() == null ? "none" : Money.of(account.creditLimit(), account.currency()))
                    + ", not the " + previous + " the raise started from");
        }
        account.limitCredit(request.amount() == null ? null : request.amount().amount());
        account.touch(clock.instant().truncatedTo(ChronoUnit.MICROS));
        session.flush();
        return account.id();
    }

    @Override
    public Page<CustomerAccount> list(TenantId tenant, String nameContains, PageRequest page) {
        return page(tenant, null, nameContains, page);
    }

    @Override
    public Page<CustomerAccount> listAssigned(TenantId tenant, String collector, String nameContains, PageRequest page) {
        return page(tenant, Objects.requireNonNull(collector, "collector"), nameContains, page);
    }

    @Override
    public CustomerAccount assignCollector(TenantId tenant, UUID id, String collector) {
        String assigned = collector == null ? null : collector.strip();
        if (assigned != null && (assigned.isEmpty() || assigned.length() > 200
                || assigned.codePoints().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException(FieldViolation.of("collector",
                    "is a collector's id of 1 to 200 characters without control characters, or null to unassign"));
        }
        return database.inTransaction(tenant, session -> {
            CustomerAccountEntity account = session.find(CustomerAccountEntity.class, id);
            if (account == null) {
                throw new NotFoundException("customer", id);
            }
            account.assignCollector(assigned, CollectorAssignedBy.MANUAL, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (assigned == null) {
                collectors.assign(session, tenant, account);
            }
            session.flush();
            return account.toValue(personalDataKeys.cipher(session));
        });
    }

    /** A page of the accounts, of one collector's when {@code collector} is given, with their count. */
    private Page<CustomerAccount> page(TenantId tenant, String collector, String nameContains, PageRequest page) {
        String pattern = nameContains == null || nameContains.isBlank()
                ? null
                : "%" + escapeLike(nameContains.trim().toLowerCase()) + "%";
        List<String> conditions = new ArrayList<>();
        if (pattern != null) {
            conditions.add("lower(c.name) like :pattern escape '\\'");
        }
        if (collector != null) {
            conditions.add("c.collector = :collector");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return database.inTransaction(tenant, session -> {
            var items = session.createSelectionQuery("from CustomerAccount c" + where + " order by lower(c.name), c.id",
                    CustomerAccountEntity.class);
            var count = session.createSelectionQuery("select count(*) from CustomerAccount c" + where, Long.class);
            if (pattern != null) {
                items.setParameter("pattern", pattern);
                count.setParameter("pattern", pattern);
            }
            if (collector != null) {
                items.setParameter("collector", collector);
                count.setParameter("collector", collector);
            }
            TenantCipher cipher = personalDataKeys.cipher(session);
            var values = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(account -> account.toValue(cipher)).toList();
            return new Page<>(values, page.page(), page.size(), count.getSingleResult());
        });
    }

    @Override
    public List<CustomerAccount> findByIban(TenantId tenant, String iban) {
        String normalized = TenantCipher.normalizedIban(iban);
        if (normalized == null) {
            return List.of();
        }
        return database.inTransaction(tenant, session -> {
            TenantCipher cipher = personalDataKeys.cipher(session);
            return session.createSelectionQuery("from CustomerAccount c where c.ibanIndex = :index order by c.id",
                            CustomerAccountEntity.class)
                    .setParameter("index", cipher.index(normalized))
                    .getResultStream().map(account -> account.toValue(cipher)).toList();
        });
    }

    @Override
    public CustomerPersonalData personalData(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> existing(session, id)
                .personalData(personalDataKeys.cipher(session), clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public CustomerAccount erasePersonalData(TenantId tenant, UUID id) {
        return database.inTransaction(tenant, session -> {
            CustomerAccountEntity account = existing(session, id);
            account.erasePersonalData(clock.instant().truncatedTo(ChronoUnit.MICROS));
            session.flush();
            return account.toValue(personalDataKeys.cipher(session));
        });
    }

    private static CustomerAccountEntity existing(Session session, UUID id) {
        CustomerAccountEntity account = session.find(CustomerAccountEntity.class, id);
        if (account == null) {
            throw new NotFoundException("customer", id);
        }
        return account;
    }

    private static void validate(CustomerRequest details) {
        if (details == null) {
            new Violations().add("body", "is required").throwIfAny();
        }
        Violations violations = new Violations()
                .required("name", details.name())
                .maxLength("name", details.name(), MAX_NAME)
                .required("currency", details.currency())
                .currency("currency", details.currency())
                .maxLength("number", details.number(), MAX_KEY)
                .maxLength("taxId", details.taxId(), MAX_KEY)
                .email("email", details.email())
                .maxLength("email", details.email(), 254)
                .maxLength("contactName", details.contactName(), MAX_NAME)
                .maxLength("phone", details.phone(), 40)
                .iban("iban", details.iban())
                .maxLength("salesperson", details.salesperson(), 100)
                .maxLength("segment", details.segment(), 50)
                .maxLength("paymentTermsCode", details.paymentTermsCode(), 32);
        BillingAddress address = details.billingAddress();
        if (address != null) {
            violations.maxLength("billingAddress.line1", address.line1(), MAX_NAME)
                    .maxLength("billingAddress.line2", address.line2(), MAX_NAME)
                    .maxLength("billingAddress.postalCode", address.postalCode(), 20)
                    .maxLength("billingAddress.city", address.city(), 100)
                    .maxLength("billingAddress.region", address.region(), 100);
            if (address.country() != null && !COUNTRY.matcher(address.country()).matches()) {
                violations.add("billingAddress.country", "must be an ISO 3166-1 alpha-2 code such as DE");
            }
        }
        if (details.creditLimit() != null) {
            int scale = Money.isCurrency(details.currency()) ? Money.scaleOf(details.currency()) : 4;
            if (details.creditLimit().signum() < 0 || details.creditLimit().stripTrailingZeros().scale() > scale) {
                violations.add("creditLimit", "must be zero or positive with at most " + scale + " decimals");
            }
        }
        violations.throwIfAny();
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

    private void requireKnownTerms(Session session, String code) {
        if (code != null && !code.isBlank() && paymentTerms.find(session, code.trim()).isEmpty()) {
            throw new InvalidRequestException(FieldViolation.of("paymentTermsCode", "is not a payment terms code of this tenant"));
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
