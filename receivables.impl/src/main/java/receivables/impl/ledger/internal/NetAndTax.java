package receivables.impl.ledger.internal;

import java.math.RoundingMode;

import receivables.api.money.Money;

/**
 * An amount as its net and tax parts.
 */
record NetAndTax(Money net, Money tax) {

    Money gross() {
        return net.plus(tax);
    }

    /**
     * How much of a credit of {@code amount} reverses revenue and how much tax: tax in the invoice's tax/gross
     * ratio, rounded half-up, but never more of either than the invoice's earlier credit notes left, so that the
     * credit notes of a wholly credited invoice reverse its net and tax exactly.
     *
     * @param invoice  the invoice's net and tax
     * @param credited what its earlier credit notes reversed
     */
    static NetAndTax ofCredit(Money amount, NetAndTax invoice, NetAndTax credited) {
        Money leftNet = invoice.net().minus(credited.net());
        Money leftTax = invoice.tax().minus(credited.tax());
        if (amount.compareTo(leftNet.plus(leftTax)) > 0) {
            throw new IllegalArgumentException("a credit of " + amount + " exceeds the " + leftNet.plus(leftTax)
                    + " not yet credited");
        }
        Money proportional = Money.of(amount.amount().multiply(invoice.tax().amount())
                .divide(invoice.gross().amount(), Money.scaleOf(amount.currency()), RoundingMode.HALF_UP), amount.currency());
        Money atLeast = max(Money.zero(amount.currency()), amount.minus(leftNet));
        Money tax = max(atLeast, proportional.min(amount.min(leftTax)));
        return new NetAndTax(amount.minus(tax), tax);
    }

    private static Money max(Money one, Money other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}
