package receivables.impl.collections.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import receivables.api.collections.AmountBasis;
import receivables.api.collections.CollectorRule;
import receivables.api.money.Money;
import receivables.impl.validation.internal.ValueRanges;
import receivables.impl.validation.internal.Violations;

/**
 * What an assignment rule must be and whom it matches, in one place: rules as a client sends them become rules with
 * their texts stripped and defaults filled in, or are refused naming every field that is wrong; a customer's facts
 * find the first rule that matches them.
 */
final class AssignmentRules {

    static final int MAX_RULES = 200;
    static final int MAX_COLLECTOR = 200;
    static final int MAX_SEGMENT = 50;
    static final int MAX_SALESPERSON = 100;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private AssignmentRules() {
    }

    /**
     * What the rules look at of a customer: its master data, and what it owes in its own currency.
     *
     * @param open    open on its issued invoices, due or not
     * @param overdue open and past its due date
     */
    record Facts(String segment, String salesperson, String country, String currency, BigDecimal open,
            BigDecimal overdue) {
    }

    /** @throws receivables.api.InvalidRequestException naming every field that is wrong, e.g. {@code rules[1].currency} */
    static List<CollectorRule> normalized(List<CollectorRule> rules) {
        Violations violations = new Violations();
        if (rules == null) {
            violations.add("rules", "is required (an empty list removes every rule)").throwIfAny();
        }
        if (rules.size() > MAX_RULES) {
            violations.add("rules", "must be at most " + MAX_RULES + " rules").throwIfAny();
        }
        List<CollectorRule> normalized = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String field = "rules[" + i + "]";
            CollectorRule rule = rules.get(i);
            if (rule == null) {
                violations.add(field, "is required");
                continue;
            }
            String collector = stripped(rule.collector());
            violations.required(field + ".collector", collector).maxLength(field + ".collector", collector, MAX_COLLECTOR)
                    .inRange(field + ".collector", collector, ValueRanges::textProblem);
            if (collector != null && collector.codePoints().anyMatch(Character::isISOControl)) {
                violations.add(field + ".collector", "must not contain control characters");
            }
            String segment = stripped(rule.segment());
            violations.maxLength(field + ".segment", segment, MAX_SEGMENT)
                    .inRange(field + ".segment", segment, ValueRanges::textProblem);
            String salesperson = stripped(rule.salesperson());
            violations.maxLength(field + ".salesperson", salesperson, MAX_SALESPERSON)
                    .inRange(field + ".salesperson", salesperson, ValueRanges::textProblem);
            String country = stripped(rule.country());
            if (country != null && !COUNTRY.matcher(country).matches()) {
                violations.add(field + ".country", "must be an ISO 3166-1 alpha-2 code such as DE");
            }
            String currency = stripped(rule.currency());
            violations.currency(field + ".currency", currency);
            boolean knownCurrency = currency != null && Money.isActiveCurrency(currency);
            boolean minFine = amount(field + ".minAmount", rule.minAmount(), knownCurrency ? currency : null, violations);
            boolean maxFine = amount(field + ".maxAmount", rule.maxAmount(), knownCurrency ? currency : null, violations);
            if ((rule.minAmount() != null || rule.maxAmount() != null) && currency == null) {
                violations.add(field + ".currency", "is required with minAmount or maxAmount: amounts are in one currency");
            }
            if (minFine && maxFine && rule.minAmount() != null && rule.maxAmount() != null
                    && rule.minAmount().compareTo(rule.maxAmount()) >= 0) {
                violations.add(field + ".maxAmount", "must be more than minAmount");
            }
            normalized.add(new CollectorRule(collector, segment, salesperson, country, currency,
                    rule.amountOf() == null ? AmountBasis.OPEN : rule.amountOf(), rule.minAmount(), rule.maxAmount()));
        }
        violations.throwIfAny();
        return List.copyOf(normalized);
    }

    /** Whether the amount is absent or fine: zero or more, within range, at most the currency's decimals. */
    private static boolean amount(String field, BigDecimal amount, String currency, Violations violations) {
        if (amount == null) {
            return true;
        }
        String problem = ValueRanges.decimalProblem(amount);
        if (problem != null) {
            violations.add(field, problem);
            return false;
        }
        if (amount.signum() < 0) {
            violations.add(field, "must be zero or more");
            return false;
        }
        if (currency != null && amount.stripTrailingZeros().scale() > Money.scaleOf(currency)) {
            violations.add(field, "has more decimals than " + currency + " allows");
            return false;
        }
        return true;
    }

    /** The collector of the first rule the customer matches, or null when none does. */
    static String collectorFor(List<CollectorRule> rules, Facts facts) {
        for (CollectorRule rule : rules) {
            if (matches(rule, facts)) {
                return rule.collector();
            }
        }
        return null;
    }

    static boolean matches(CollectorRule rule, Facts facts) {
        if (!condition(rule.segment(), facts.segment()) || !condition(rule.salesperson(), facts.salesperson())
                || !condition(rule.country(), facts.country()) || !condition(rule.currency(), facts.currency())) {
            return false;
        }
        BigDecimal amount = rule.amountOf() == AmountBasis.OVERDUE ? facts.overdue() : facts.open();
        return (rule.minAmount() == null || amount.compareTo(rule.minAmount()) >= 0)
                && (rule.maxAmount() == null || amount.compareTo(rule.maxAmount()) < 0);
    }

    /** Whether the rules need the customers' amounts, which cost a query to know. */
    static boolean needAmounts(List<CollectorRule> rules) {
        return rules.stream().anyMatch(rule -> rule.minAmount() != null || rule.maxAmount() != null);
    }

    /** A condition left out holds for every customer; one given holds for exactly that value. */
    private static boolean condition(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
