package receivables.api.risk;

import java.util.List;

import receivables.api.money.Money;

/**
 * A customer in the list of the riskiest: its score by the tenant's latest model and what it has open, per currency
 * (nothing when all is paid).
 */
public record RiskyCustomer(CustomerRisk risk, String customerName, List<Money> open) {

    public RiskyCustomer {
        open = List.copyOf(open);
    }
}
