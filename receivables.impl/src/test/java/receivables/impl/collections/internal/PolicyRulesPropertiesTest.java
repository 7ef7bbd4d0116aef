package receivables.impl.collections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.collections.CollectionStage;
import receivables.api.collections.DunningLevel;
import receivables.api.collections.DunningPolicy;
import receivables.api.collections.DunningPolicyRequest;

/**
 * Policy definitions as a hostile client sends them: whatever comes in is either a policy that keeps every rule or a
 * refusal naming fields the request has, never another exception.
 */
class PolicyRulesPropertiesTest {

    @Property(tries = 2000)
    void aDefinitionIsAValidPolicyOrARefusalNamingItsFields(@ForAll("codes") String code,
            @ForAll("requests") DunningPolicyRequest request) {
        DunningPolicy policy;
        try {
            policy = PolicyRules.policy(code, request);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).isNotEmpty().extracting(FieldViolation::field)
                    .allMatch(field -> field.matches("code|name|levels(\\[\\d+\\](\\.(days|fee|creditHold|escalateTo))?)?"
                            + "|minDaysBetweenNotices|minimumOverdue|annualInterestPercent|chargeTermsCode|language|channel"
                            + "|segments(\\[\\d+\\])?"));
            return;
        }
        assertThat(policy.levels()).isNotEmpty();
        for (int i = 0; i < policy.levels().size(); i++) {
            DunningLevel level = policy.levels().get(i);
            assertThat(level.days()).isNotZero();
            assertThat(level.fee().signum()).isNotNegative();
            if (i > 0) {
                assertThat(level.days()).isGreaterThan(policy.levels().get(i - 1).days());
            }
            if (level.days() < 0) {
                assertThat(level.fee().signum()).isZero();
                assertThat(level.creditHold()).isFalse();
            }
        }
        assertThat(policy.levelAt(0)).isZero();
        assertThat(policy.annualInterestPercent()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
    }

    @Property(tries = 200)
    void aLevelOnTheDueDateIsRefusedNamingIt(@ForAll("validLevels") List<DunningLevel> before) {
        List<DunningLevel> levels = new java.util.ArrayList<>(before);
        levels.add(new DunningLevel(0, BigDecimal.ZERO, false, null));
        assertThatThrownBy(() -> PolicyRules.policy("P", new DunningPolicyRequest("p", levels, null, null, null, null,
                null, null, null, null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).contains("levels[" + before.size() + "].days"));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ABCXYZ019_-").ofMinLength(1).ofMaxLength(32),
                Arbitraries.strings().ofMaxLength(40), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<List<DunningLevel>> validLevels() {
        return Arbitraries.integers().between(1, 60).list().ofMaxSize(5).uniqueElements().map(days -> days.stream()
                .sorted().map(day -> new DunningLevel(day, BigDecimal.ONE, false, null)).toList());
    }

    @Provide
    Arbitrary<DunningPolicyRequest> requests() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(250),
                Arbitraries.strings().withChars("\0\uD800ab ").ofMaxLength(5), Arbitraries.just(null));
        Arbitrary<BigDecimal> amounts = Arbitraries.oneOf(Arbitraries.bigDecimals().between(new BigDecimal("-1000"),
                new BigDecimal("1000")).ofScale(6), Arbitraries.of(new BigDecimal("1E+999999"),
                new BigDecimal("1E-999"), new BigDecimal("99.99999")), Arbitraries.just(null));
        Arbitrary<DunningLevel> level = Combinators.combine(Arbitraries.integers().between(-400, 4000), amounts,
                Arbitraries.of(true, false), Arbitraries.of(CollectionStage.class).injectNull(0.5))
                .as((days, fee, hold, stage) -> new DunningLevel(days, fee, hold, stage));
        Arbitrary<List<DunningLevel>> levels = level.injectNull(0.05).list().ofMaxSize(25).injectNull(0.05);
        Arbitrary<Integer> days = Arbitraries.integers().between(-10, 400).injectNull(0.2);
        Arbitrary<List<String>> segments = texts.list().ofMaxSize(4).injectNull(0.3);
        return Combinators.combine(texts, levels, days, amounts, amounts, texts, Arbitraries.of("zh-CN", "en", "de", "")
                        .injectNull(0.2), segments)
                .as((name, lvls, between, minimum, interest, terms, language, segs) -> new DunningPolicyRequest(name,
                        lvls, between, minimum, interest, terms, language, null, segs, null));
    }
}
