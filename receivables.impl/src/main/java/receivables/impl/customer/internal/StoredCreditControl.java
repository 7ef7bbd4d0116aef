package receivables.impl.customer.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.TenantId;
import receivables.api.customer.CreditControl;
import receivables.api.customer.CreditDecision;
import receivables.api.customer.CreditOutcome;
import receivables.api.customer.CreditRating;
import receivables.api.fx.ExchangeRate;
import receivables.api.money.Money;
import receivables.impl.fx.internal.StoredExchangeRates;
import receivables.impl.persistence.internal.Database;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * Credit checks over the stored ledger. Exposure is kept in the customer's currency, in which the credit limit
 * is set; what the customer owes in other currencies is converted through the tenant's functional currency at
 * today's rates, and when a rate is missing the check says so and warns rather than counting it as nothing.
 */
@Component(service = { CreditControl.class, StoredCreditControl.class })
public class StoredCreditControl implements CreditControl {

    private final Database database;
    private final StoredExchangeRates rates;
    private final TenantDirectory tenants;

    @Activate
    public StoredCreditControl(@Reference Database database, @Reference StoredExchangeRates rates,
            @Reference TenantDirectory tenants) {
        this.database = database;
        this.rates = rates;
        this.tenants = tenants;
    }

    Clock clock = Clock.systemUTC();

    @Override
    public CreditDecision check(TenantId tenant, UUID customerId, Money additional) {
        return database.inTransaction(tenant, session -> {
            CustomerAccountEntity customer = session.find(CustomerAccountEntity.class, customerId);
            if (customer == null) {
                throw new NotFoundException("customer", customerId);
            }
            if (!additional.currency().equals(customer.currency())) {
                throw new InvalidRequestException(FieldViolation.of("currency", "must be the customer's currency "
                        + customer.currency()));
            }
            return check(session, customer, additional);
        });
    }

    /** The check in the caller's transaction; draft invoices already count as confirmed orders. */
    public CreditDecision check(Session session, CustomerAccountEntity customer, Money additional) {
        String currency = customer.currency();
        Map<String, BigDecimal> owed = owedByCurrency(session, customer);
        List<String> warnings = new ArrayList<>();
        Money exposure = Money.rounded(owed.getOrDefault(currency, BigDecimal.ZERO), currency).plus(additional)
                .plus(otherCurrencies(session, customer, owed, warnings));
        Money limit = customer.creditLimit() == null ? null : Money.of(customer.creditLimit(), currency);
        List<String> blocks = new ArrayList<>();
        if (customer.creditHold()) {
            blocks.add("the customer is on credit hold");
        }
        if (customer.creditRating() == CreditRating.E) {
            blocks.add("the customer's credit rating is E");
        } else if (customer.creditRating() == CreditRating.D) {
            warnings.add("the customer's credit rating is D");
        }
        if (limit != null && exposure.compareTo(limit) > 0) {
            blocks.add("exposure " + exposure + " exceeds the credit limit " + limit);
        }
        List<String> reasons = new ArrayList<>(blocks);
        reasons.addAll(warnings);
        CreditOutcome outcome = !blocks.isEmpty() ? CreditOutcome.BLOCK
                : !warnings.isEmpty() ? CreditOutcome.WARN : CreditOutcome.PASS;
        return new CreditDecision(outcome, exposure, limit, reasons);
    }

    /** Whether a check of {@code customer} can come out BLOCK at all: without hold, limit or rating E it cannot. */
    public static boolean mayBlock(CustomerAccountEntity customer) {
        return customer.creditHold() || customer.creditLimit() != null || customer.creditRating() == CreditRating.E;
    }

    /** What the customer owes per currency: open and draft invoices less what its payments left unallocated. */
    private static Map<String, BigDecimal> owedByCurrency(Session session, CustomerAccountEntity customer) {
        Map<String, BigDecimal> owed = new TreeMap<>();
        add(owed, session, "select v.currency, sum(v.open) from Invoice v where v.customerId = :customer"
                + " and v.status in ('ISSUED', 'PARTIALLY_PAID') group by v.currency", customer, 1);
        add(owed, session, "select v.currency, sum(v.gross) from Invoice v where v.customerId = :customer"
                + " and v.status = 'DRAFT' group by v.currency", customer, 1);
        add(owed, session, "select p.currency, sum(p.unallocated) from Payment p where p.customerId = :customer"
                + " group by p.currency", customer, -1);
        return owed;
    }

    /**
     * What {@code owed} holds in other currencies than the customer's, in the customer's currency; what cannot be
     * converted is left out with a warning.
     */
    private Money otherCurrencies(Session session, CustomerAccountEntity customer, Map<String, BigDecimal> owed,
            List<String> warnings) {
        if (owed.entrySet().stream().allMatch(other -> other.getKey().equals(customer.currency())
                || other.getValue().signum() == 0)) {
            return Money.zero(customer.currency());
        }
        String functional = tenants.settings(new TenantId(customer.tenantId())).functionalCurrency();
        LocalDate today = LocalDate.now(clock);
        Optional<BigDecimal> customerRate = toFunctional(session, customer.currency(), functional, today);
        Money converted = Money.zero(customer.currency());
        for (Map.Entry<String, BigDecimal> other : owed.entrySet()) {
            if (other.getKey().equals(customer.currency()) || other.getValue().signum() == 0) {
                continue;
            }
            Optional<BigDecimal> rate = toFunctional(session, other.getKey(), functional, today);
            if (rate.isEmpty() || customerRate.isEmpty()) {
                String missing = rate.isEmpty() ? other.getKey() : customer.currency();
                warnings.add("exposure of " + Money.rounded(other.getValue(), other.getKey()) + " is not counted: no "
                        + "exchange rate of " + missing + " into " + functional + " on or before " + today);
                continue;
            }
            converted = converted.plus(Money.rounded(other.getValue().multiply(rate.get())
                    .divide(customerRate.get(), MathContext.DECIMAL64), customer.currency()));
        }
        return converted;
    }

    private Optional<BigDecimal> toFunctional(Session session, String currency, String functional, LocalDate day) {
        return currency.equals(functional) ? Optional.of(BigDecimal.ONE)
                : rates.rateOn(session, currency, day).map(ExchangeRate::rate);
    }

    private static void add(Map<String, BigDecimal> owed, Session session, String hql, CustomerAccountEntity customer,
            int sign) {
        session.createSelectionQuery(hql, Object[].class)
                .setParameter("customer", customer.id()).getResultStream().forEach(row -> owed.merge((String) row[0],
                        ((BigDecimal) row[1]).multiply(BigDecimal.valueOf(sign)), BigDecimal::add));
    }
}
