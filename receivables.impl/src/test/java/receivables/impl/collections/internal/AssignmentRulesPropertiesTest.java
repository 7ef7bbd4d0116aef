package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.collections.AmountBasis;
import receivables.api.collections.CollectorRule;
import receivables.impl.collections.internal.AssignmentRules.Facts;

/**
 * Assignment rules as a hostile client sends them, and customers as they come: whatever comes in is either rules
 * that keep every constraint or a refusal naming fields the request has, never another exception; and the customer
 * always gets the collector of the first rule it matches.
 */
class AssignmentRulesPropertiesTest {

    private static final String FIELDS = "rules(\\[\\d+\\](\\.(collector|segment|salesperson|country|currency|minAmount"
            + "|maxAmount))?)?";

    @Property(tries = 2000)
    void rulesAreValidOrARefusalNamingTheirFields(@ForAll("hostileRules") List<CollectorRule> rules) {
        List<CollectorRule> normalized;
        try {
            normalized = AssignmentRules.normalized(rules);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).isNotEmpty().extracting(FieldViolation::field).allMatch(f -> f.matches(FIELDS));
            return;
        }
        assertThat(normalized).hasSameSizeAs(rules);
        for (CollectorRule rule : normalized) {
            assertThat(rule.collector()).isNotBlank().isEqualTo(rule.collector().strip()).hasSizeLessThanOrEqualTo(200)
                    .doesNotContain("\0");
            assertThat(rule.amountOf()).isNotNull();
            if (rule.minAmount() != null || rule.maxAmount() != null) {
                assertThat(rule.currency()).isNotNull();
            }
            if (rule.minAmount() != null && rule.maxAmount() != null) {
                assertThat(rule.minAmount()).isLessThan(rule.maxAmount());
            }
        }
    }

    @Property(tries = 1000)
    void theFirstRuleThatMatchesNamesTheCollector(@ForAll("validRules") List<CollectorRule> rules,
            @ForAll("facts") Facts facts) {
        String collector = AssignmentRules.collectorFor(rules, facts);
        int first = -1;
        for (int i = 0; i < rules.size() && first < 0; i++) {
            if (AssignmentRules.matches(rules.get(i), facts)) {
                first = i;
            }
        }
        assertThat(collector).isEqualTo(first < 0 ? null : rules.get(first).collector());
        CollectorRule everyone = new CollectorRule("everyone", null, null, null, null, AmountBasis.OPEN, null, null);
        List<CollectorRule> withCatchAll = new ArrayList<>(rules);
        withCatchAll.add(everyone);
        assertThat(AssignmentRules.collectorFor(withCatchAll, facts)).as("a rule with no condition matches everyone")
                .isEqualTo(first < 0 ? "everyone" : collector);
        List<CollectorRule> withFirst = new ArrayList<>(List.of(everyone));
        withFirst.addAll(rules);
        assertThat(AssignmentRules.collectorFor(withFirst, facts)).as("the first match wins").isEqualTo("everyone");
    }

    /** Ranges that meet end to end split the amounts so that each customer falls in exactly one. */
    @Property(tries = 1000)
    void adjoiningRangesMatchEachAmountOnce(@ForAll @BigRange(min = "0.01", max = "100000") BigDecimal lower,
            @ForAll @BigRange(min = "0.01", max = "100000") BigDecimal width, @ForAll("amounts") BigDecimal owed,
            @ForAll boolean overdue) {
        BigDecimal low = lower.setScale(2, RoundingMode.DOWN);
        BigDecimal high = low.add(width.setScale(2, RoundingMode.UP));
        AmountBasis basis = overdue ? AmountBasis.OVERDUE : AmountBasis.OPEN;
        List<CollectorRule> rules = AssignmentRules.normalized(List.of(
                new CollectorRule("below", null, null, null, "EUR", basis, null, low),
                new CollectorRule("within", null, null, null, "EUR", basis, low, high),
                new CollectorRule("above", null, null, null, "EUR", basis, high, null)));
        Facts facts = new Facts(null, null, null, "EUR", overdue ? BigDecimal.ZERO : owed, overdue ? owed : BigDecimal.ZERO);
        assertThat(rules.stream().filter(rule -> AssignmentRules.matches(rule, facts)).count()).isEqualTo(1);
        assertThat(AssignmentRules.collectorFor(rules, facts))
                .isEqualTo(owed.compareTo(low) < 0 ? "below" : owed.compareTo(high) < 0 ? "within" : "above");
        Facts inDollars = new Facts(null, null, null, "USD", facts.open(), facts.overdue());
        assertThat(AssignmentRules.collectorFor(rules, inDollars)).as("amounts in another currency are not compared")
                .isNull();
    }

    /** Texts compare exactly: a customer's segment in another case, or with spaces, is another segment. */
    @Property(tries = 500)
    void textsCompareExactly(@ForAll("texts") String segment) {
        List<CollectorRule> rules;
        try {
            rules = AssignmentRules.normalized(List.of(new CollectorRule("ann", segment, null, null, null, null, null,
                    null)));
        } catch (InvalidRequestException refused) {
            return;
        }
        String wanted = rules.get(0).segment();
        assertThat(AssignmentRules.collectorFor(rules, new Facts(wanted, null, null, "EUR", null, null)))
                .isEqualTo("ann");
        if (wanted != null) {
            String other = wanted.toUpperCase().equals(wanted) ? wanted.toLowerCase() : wanted.toUpperCase();
            assertThat(AssignmentRules.collectorFor(rules, new Facts(other, null, null, "EUR", null, null)))
                    .isEqualTo(other.equals(wanted) ? "ann" : null);
            assertThat(AssignmentRules.collectorFor(rules, new Facts(null, null, null, "EUR", null, null))).isNull();
        }
    }

    @Provide
    Arbitrary<List<CollectorRule>> hostileRules() {
        Arbitrary<CollectorRule> rule = Combinators.combine(texts(), texts(), texts(),
                Arbitraries.of("DE", "CN", "de", "D", "DEU", " ", "").injectNull(0.5),
                Arbitraries.of("EUR", "JPY", "BHD", "CNY", "XXX", "DEM", "eur", "EURO", " EUR ", "").injectNull(0.4),
                Arbitraries.of(AmountBasis.class).injectNull(0.3), hostileAmounts(), hostileAmounts())
                .as(CollectorRule::new);
        return rule.injectNull(0.02).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<CollectorRule>> validRules() {
        Arbitrary<CollectorRule> rule = Combinators.combine(Arbitraries.of("ann", "bob", "chen", "陈"),
                Arbitraries.of("RETAIL", "WHOLESALE").injectNull(0.6), Arbitraries.of("li", "wang").injectNull(0.6),
                Arbitraries.of("DE", "CN").injectNull(0.6), Arbitraries.of("EUR", "JPY").injectNull(0.5),
                Arbitraries.of(AmountBasis.class), Arbitraries.integers().between(0, 500).injectNull(0.5),
                Arbitraries.integers().between(1, 500).injectNull(0.5))
                .as((collector, segment, salesperson, country, currency, basis, min, span) -> new CollectorRule(collector,
                        segment, salesperson, country, currency == null && (min != null || span != null) ? "EUR" : currency,
                        basis, min == null ? null : BigDecimal.valueOf(min),
                        span == null ? null : BigDecimal.valueOf((min == null ? 0 : min) + span)));
        return rule.list().ofMaxSize(6).map(AssignmentRules::normalized);
    }

    @Provide
    Arbitrary<Facts> facts() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of("RETAIL", "WHOLESALE", "retail", ""), texts()),
                Arbitraries.oneOf(Arbitraries.of("li", "wang", "Li"), texts()), Arbitraries.of("DE", "CN").injectNull(0.3),
                Arbitraries.of("EUR", "JPY", "USD"), amounts(), amounts()).as(Facts::new);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("250000")).ofScale(2);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(210),
                Arbitraries.of("ann", " ann ", "RETAIL", "retail", "\0", "\uD800", "a\u0007b", "陈经理", "\t", "x".repeat(201)))
                .injectNull(0.3);
    }

    private static Arbitrary<BigDecimal> hostileAmounts() {
        return Arbitraries.oneOf(Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("100000"))
                        .ofScale(3),
                Arbitraries.of(new BigDecimal("1e300"), new BigDecimal("1e-300"), new BigDecimal("-0.00"), BigDecimal.ZERO,
                        new BigDecimal("999999999999999.9999"), new BigDecimal("0.5")))
                .injectNull(0.5);
    }
}
