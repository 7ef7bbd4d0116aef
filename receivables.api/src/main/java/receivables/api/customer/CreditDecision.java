package receivables.api.customer;

import java.util.List;

import receivables.api.money.Money;

/**
 * What a credit check found.
 *
 * @param exposure what the customer would owe in the customer's currency: open receivables plus
 *                 confirmed orders not yet invoiced (draft invoices) plus the amount checked, less
 *                 unallocated payments
 * @param limit    the credit limit, or {@code null} for none
 * @param reasons  why the outcome is not PASS, in words a collector understands
 */
public record CreditDecision(CreditOutcome outcome, Money exposure, Money limit, List<String> reasons) {

    public CreditDecision {
        reasons = List.copyOf(reasons);
    }
}
