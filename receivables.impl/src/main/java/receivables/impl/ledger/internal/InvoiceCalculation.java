package receivables.impl.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import receivables.api.invoice.InvoiceLine;
import receivables.api.invoice.OrderLine;
import receivables.api.invoice.SalesOrder;
import receivables.api.money.Money;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * The lines and totals of an invoice for an order: each line's net and tax rounded at the currency's
 * scale, the totals the exact sums of the lines, so that the invoice adds up however it is read.
 */
record InvoiceCalculation(List<InvoiceLine> lines, Money net, Money tax, Money gross) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_LINES = 1000;

    static InvoiceCalculation of(SalesOrder order) {
        validate(order);
        String currency = order.currency();
        List<InvoiceLine> lines = new ArrayList<>();
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            BigDecimal discount = orZero(line.discountPercent());
            BigDecimal rate = orZero(line.taxRate());
            Money unitPrice = Money.of(line.unitPrice(), currency);
            BigDecimal undiscounted = line.quantity().multiply(line.unitPrice());
            Money lineNet = Money.rounded(undiscounted.multiply(HUNDRED.subtract(discount))
                    .divide(HUNDRED, 10, RoundingMode.HALF_UP), currency);
            Money lineTax = lineNet.times(rate.divide(HUNDRED, 10, RoundingMode.UNNECESSARY));
            lines.add(new InvoiceLine(i + 1, line.product().trim(), line.description(), line.quantity(), unitPrice,
                    discount, rate, lineNet, lineTax));
            net = net.plus(lineNet);
            tax = tax.plus(lineTax);
        }
        Money gross = net.plus(tax);
        if (!gross.isPositive()) {
            new Violations().add("lines", "must add up to a positive amount").throwIfAny();
        }
        new Violations().inRange("lines", gross.amount(), total -> ValueRanges.decimalProblem(total) == null ? null
                : "must add up to less than 1000000000000000 with tax").throwIfAny();
        return new InvoiceCalculation(lines, net, tax, gross);
    }

    private static void validate(SalesOrder order) {
        Violations violations = new Violations();
        if (order == null) {
            violations.add("body", "is required").throwIfAny();
        }
        violations.required("orderId", order.orderId())
                .maxLength("orderId", order.orderId(), 64)
                .required("customerId", order.customerId())
                .required("currency", order.currency())
                .currency("currency", order.currency())
                .required("orderDate", order.orderDate())
                .maxLength("termsCode", order.termsCode(), 32)
                .maxLength("salesperson", order.salesperson(), 100);
        if (order.lines() == null || order.lines().isEmpty()) {
            violations.add("lines", "must hold at least one line");
        } else if (order.lines().size() > MAX_LINES) {
            violations.add("lines", "must hold at most " + MAX_LINES + " lines");
        } else {
            int scale = Money.isCurrency(order.currency()) ? Money.scaleOf(order.currency()) : 4;
            for (int i = 0; i < order.lines().size(); i++) {
                validateLine(violations, "lines[" + i + "].", order.lines().get(i), scale);
            }
        }
        violations.throwIfAny();
    }

    private static void validateLine(Violations violations, String path, OrderLine line, int scale) {
        if (line == null) {
            violations.add(path.substring(0, path.length() - 1), "is required");
            return;
        }
        violations.required(path + "product", line.product())
                .maxLength(path + "product", line.product(), 64)
                .maxLength(path + "description", line.description(), 200)
                .required(path + "quantity", line.quantity())
                .required(path + "unitPrice", line.unitPrice());
        violations.inRange(path + "quantity", line.quantity(), ValueRanges::quantityProblem);
        if (line.unitPrice() != null && (line.unitPrice().signum() < 0 || line.unitPrice().stripTrailingZeros().scale() > scale)) {
            violations.add(path + "unitPrice", "must be zero or positive with at most " + scale + " decimals");
        } else {
            violations.inRange(path + "unitPrice", line.unitPrice(), ValueRanges::decimalProblem);
        }
        percent(violations, path + "discountPercent", line.discountPercent());
        percent(violations, path + "taxRate", line.taxRate());
    }

    private static void percent(Violations violations, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 4)) {
            violations.add(field, "must be a percentage from 0 to 100 with at most 4 decimals");
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
