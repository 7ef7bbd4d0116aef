package receivables.impl.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import receivables.api.TenantId;
import receivables.api.risk.RiskBackTest;
import receivables.impl.persistence.internal.TestDatabase;

/**
 * The model trained as of the end of 2025 on generated history (seed 42, ten customers of each hidden behaviour, two
 * and a half years) beats the naive baseline on the installments issued in 2026, as known at the end of June: a
 * smaller mean absolute error of the payment date, a higher AUC and a lower Brier score for "paid more than 90 days
 * late or never". The figures it prints are MODEL.md's.
 */
class RiskBackTestTest {

    static final TenantId TENANT = new TenantId("risk-backtest");
    static final LocalDate END = LocalDate.of(2026, 6, 30);

    @RegisterExtension
    final TestDatabase testDatabase = TestDatabase.h2();

    @Test
    void theModelBeatsTheCustomersOwnHistoryOnAllThreeMeasures() {
        new SyntheticPaymentHistory(TENANT, 42, 10, END).writeTo(testDatabase.get());
        StoredRiskScores risk = new StoredRiskScores(testDatabase.get());
        risk.clock = Clock.fixed(END.atTime(18, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

        RiskBackTest test = risk.backTest(TENANT, LocalDate.of(2025, 12, 31));

        System.out.printf("back-test as of %s, evaluated on %s: trained on %d settled / %d labelled snapshots;"
                        + " %d settled, %d labelled installments (%.1f%% over 90 days late or never)%n"
                        + "  payment date MAE (days): model %.2f, baseline %.2f%n"
                        + "  AUC: model %.3f, baseline %.3f%n  Brier: model %.4f, baseline %.4f%n",
                test.asOf(), test.evaluatedOn(), test.model().examples(), test.model().labelled(), test.settled(),
                test.labelled(), 100 * test.shareOver90(), test.paymentDateMae().model(),
                test.paymentDateMae().baseline(), test.auc().model(), test.auc().baseline(), test.brier().model(),
                test.brier().baseline());
        assertThat(test.settled()).isGreaterThan(200);
        assertThat(test.labelled()).isGreaterThan(200);
        assertThat(test.shareOver90()).isBetween(0.1, 0.5);
        assertThat(test.paymentDateMae().modelWins()).as("MAE %s", test.paymentDateMae()).isTrue();
        assertThat(test.auc().modelWins()).as("AUC %s", test.auc()).isTrue();
        assertThat(test.brier().modelWins()).as("Brier %s", test.brier()).isTrue();
    }
}
