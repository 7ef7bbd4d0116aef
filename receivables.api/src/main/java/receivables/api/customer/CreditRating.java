package receivables.api.customer;

/**
 * How much the tenant trusts a customer to pay: A best, E worst. A D customer's invoices are issued
 * with a warning, an E customer's are refused by the credit check.
 */
public enum CreditRating {
    A, B, C, D, E
}
