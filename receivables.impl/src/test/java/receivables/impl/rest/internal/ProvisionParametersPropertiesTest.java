package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import receivables.impl.ledger.LedgerFixture;
import receivables.impl.persistence.internal.HibernateDatabase;
import receivables.impl.report.internal.SqlProvisions;

/**
 * Whatever a client sends to {@code POST /provisions} or {@code POST /provisions/adjustments}, or asks of
 * {@code GET /reports/provision-matrix}: an answer, or a 400 that names fields it was given and nothing else; never
 * another failure, and nothing stored on a refusal.
 */
class ProvisionParametersPropertiesTest extends HostileParameters {

    private ProvisionResource provisions;
    private ReportResource reports;

    @Override
    void wire(HibernateDatabase database, LedgerFixture ledger) {
        SqlProvisions service = new SqlProvisions(database, ledger.journal());
        provisions = new ProvisionResource();
        provisions.provisions = service;
        reports = new ReportResource();
        reports.provisions = service;
    }

    /** Months that are right, nearly right, or hostile: NUL, surrogates, huge years, SQL, a month that has not ended. */
    @Provide
    Arbitrary<String> period() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "2026-01", "2026-1", "2026-13", "2026-00", "2026-01-31",
                        "0000-12", "0001-01", "-0005-01", "+999999999-12", "9999-12", "10000-01", "2099-12", "' or 1=1 --",
                        "a\u0000b", "\ud800"),
                Arbitraries.strings().ofMaxLength(20)).injectNull(0.2);
    }

    @Provide
    Arbitrary<Integer> months() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 12, 36, 37, -1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                Arbitraries.integers()).injectNull(0.2);
    }

    @Provide
    Arbitrary<String> parameter() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "2026-03-31", "0001-01-01", "9999-12-31", "2026-02-30",
                        "+999999999-12-31", "0", "1", "36", "37", "-1", "2147483648", "csv", "xlsx", "json", "pdf",
                        "' or 1=1 --", "a\u0000b", "\ud800"),
                Arbitraries.strings().ofMaxLength(20)).injectNull(0.3);
    }

    @Property(tries = 300)
    void aPostAnswersAProvisionOrAProblemNamingAFieldGiven(@ForAll("period") String period,
            @ForAll("months") Integer months) {
        int before = provisions.list(request).size();

        Throwable failure = catchThrowable(() -> assertThat(provisions.post(request,
                new ProvisionResource.ProvisionBody(period, months)).getStatus()).isEqualTo(201));

        assertOnlyNamed(failure, Set.of("period", "months"));
        if (failure != null) {
            assertThat(provisions.list(request)).hasSize(before);
        }
    }

    /** Factors that are right, at the limits, just beyond them, or absurd in magnitude or precision. */
    @Provide
    Arbitrary<BigDecimal> factor() {
        return Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.15"),
                        new BigDecimal("10.000001"), new BigDecimal("-0"), new BigDecimal("-0.000001"),
                        new BigDecimal("0.0000001"), new BigDecimal("1.0000000000"), new BigDecimal("1e999999999"),
                        new BigDecimal("1e-999999999"), new BigDecimal("-1e999999999")),
                Arbitraries.bigDecimals().ofScale(7)).injectNull(0.1);
    }

    /** Five factors that are all fine, as often as any number of any factors. */
    @Provide
    Arbitrary<List<BigDecimal>> factors() {
        return Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.15"),
                new BigDecimal("1.0000000000")).list().ofSize(5), factor().list().ofMaxSize(7)).injectNull(0.1);
    }

    /** Reasons: blank, long, NUL, lone surrogates, SQL, and any text. */
    @Provide
    Arbitrary<String> reason() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "recession forecast", "x".repeat(500), "x".repeat(501),
                        "a\u0000b", "\ud800", "' or 1=1 --", "经济下行预测"),
                Arbitraries.strings().ofMaxLength(600)).injectNull(0.1);
    }

    @Property(tries = 300)
    void anAdjustmentIsSetOrAProblemNamingAFieldGiven(@ForAll("period") String effectiveFrom,
            @ForAll("period") String effectiveTo, @ForAll("factors") List<BigDecimal> factors,
            @ForAll("reason") String reason) {
        int before = provisions.adjustments(request).size();

        Throwable failure = catchThrowable(() -> assertThat(provisions.adjust(request,
                new ProvisionResource.AdjustmentBody(effectiveFrom, effectiveTo, factors, reason)).getStatus())
                .isEqualTo(201));

        Set<String> fields = new HashSet<>(Set.of("effectiveFrom", "effectiveTo", "factors", "reason"));
        for (int i = 0; factors != null && i < factors.size(); i++) {
            fields.add("factors[" + i + "]");
        }
        assertOnlyNamed(failure, fields);
        assertThat(provisions.adjustments(request)).hasSize(failure == null ? before + 1 : before);
    }

    @Property(tries = 200)
    void theMatrixAnswersOrAProblemNamingAParameterGiven(@ForAll("parameter") String asOf,
            @ForAll("parameter") String months, @ForAll("parameter") String format) {
        Throwable failure = catchThrowable(() -> assertThat(reports.provisionMatrix(request, asOf, months, format)
                .getStatus()).isEqualTo(200));

        assertOnlyNamed(failure, Set.of("asOf", "months", "format"));
    }
}
