package receivables.api.collections;

import java.math.BigDecimal;

/**
 * A rule that assigns customers to a collector. Every condition given must hold; a rule with none matches every
 * customer. Texts compare exactly (case and all).
 *
 * @param collector   the collector's actor id the matching customers are assigned to
 * @param segment     the customer's segment, or {@code null} for any
 * @param salesperson the customer's salesperson, or {@code null} for any
 * @param country     the country of the customer's billing address (ISO 3166-1 alpha-2), or {@code null} for any
 * @param currency    the customer's currency, or {@code null} for any; required with an amount range
 * @param amountOf    what {@code minAmount} and {@code maxAmount} measure, {@link AmountBasis#OPEN} when left out
 * @param minAmount   the least amount matched (inclusive) in {@code currency}, or {@code null} for no lower bound
 * @param maxAmount   the amount from which the rule no longer matches (exclusive), or {@code null} for no upper bound
 */
public record CollectorRule(String collector, String segment, String salesperson, String country, String currency,
        AmountBasis amountOf, BigDecimal minAmount, BigDecimal maxAmount) {
}
