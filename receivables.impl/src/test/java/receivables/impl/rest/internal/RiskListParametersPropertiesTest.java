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
import receivables.impl.risk.internal.StoredRiskScores;

/**
 * Whatever a client puts into the query of {@code GET /risk/customers}: a page (empty, without a model), or a 400
 * that names parameters it was given and nothing else; never another failure.
 */
class RiskListParametersPropertiesTest extends HostileParameters {

    private RiskResource risk;

    @Override
    void wire(HibernateDatabase database, LedgerFixture ledger) {
        risk = new RiskResource();
        risk.risk = new StoredRiskScores(database);
    }

    /** Values that are right, nearly right, or hostile: NUL, surrogates, huge numbers, SQL, fractions. */
    @Provide
    Arbitrary<String> parameter() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "0", "1", "50", "100", "101", "-1", "20", "500", "501",
                        "2147483647", "-2147483648", "99999999999", "1e3", "0x10", "12.5", "' or 1=1 --", "a\u0000b",
                        "\ud800"),
                Arbitraries.strings().ofMaxLength(40)).injectNull(0.3);
    }

    @Property(tries = 300)
    void theRiskiestAnswerAPageOrAProblemNamingAParameterGiven(@ForAll("parameter") String minScore,
            @ForAll("parameter") String page, @ForAll("parameter") String size) {
        Throwable failure = catchThrowable(() -> assertThat(risk.riskiest(request, minScore, page, size).items())
                .isEmpty());

        assertOnlyNamed(failure, Set.of("minScore", "page", "size"));
    }
}
