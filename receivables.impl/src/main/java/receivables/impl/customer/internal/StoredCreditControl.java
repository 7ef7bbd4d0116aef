package receivables.impl.customer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;
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
import receivables.api.money.Money;
import receivables.impl.persistence.internal.Database;

/**
 * Credit checks over the stored ledger. Exposure counts the customer's own currency only: amounts in
 * other currencies would need conversion, which the credit limit does not define.
 */
@Component(service = { CreditControl.class, StoredCreditControl.class })
public class StoredCreditControl implements CreditControl {

    @Reference
    Database database;

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
        Money exposure = sum(session, "select coalesce(sum(v.open), 0) from Invoice v where v.customerId = :customer"
                + " and v.currency = :currency and v.status in ('ISSUED', 'PARTIALLY_PAID')", customer, currency)
                .plus(sum(session, "select coalesce(sum(v.gross), 0) from Invoice v where v.customerId = :customer"
                        + " and v.currency = :currency and v.status = 'DRAFT'", customer, currency))
                .minus(sum(session, "select coalesce(sum(p.unallocated), 0) from Payment p where p.customerId = :customer"
                        + " and p.currency = :currency", customer, currency))
                .plus(additional);
        Money limit = customer.creditLimit() == null ? null : Money.of(customer.creditLimit(), currency);
        List<String> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
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

    private static Money sum(Session session, String hql, CustomerAccountEntity customer, String currency) {
        BigDecimal amount = session.createSelectionQuery(hql, BigDecimal.class)
                .setParameter("customer", customer.id()).setParameter("currency", currency).getSingleResult();
        return Money.rounded(amount, currency);
    }
}
