package receivables.impl.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
 * Whatever a client sends to {@code POST /provisions} or asks of {@code GET /reports/provision-matrix}: an answer,
 * or a 400 that names fields it was given and nothing else; never another failure, and nothing posted on a refusal.
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

    @Property(tries = 200)
    void theMatrixAnswersOrAProblemNamingAParameterGiven(@ForAll("parameter") String asOf,
            @ForAll("parameter") String months, @ForAll("parameter") String format) {
        Throwable failure = catchThrowable(() -> assertThat(reports.provisionMatrix(request, asOf, months, format)
                .getStatus()).isEqualTo(200));

        assertOnlyNamed(failure, Set.of("asOf", "months", "format"));
    }
}
