package receivables.api.risk;

import java.time.LocalDate;

/**
 * A model trained as of {@code asOf} against what happened to the installments issued after it, as known on
 * {@code evaluatedOn}. The baseline predicts each installment from its customer's own history on its issue day: its
 * average days beyond terms, and its own share of installments over 90 days late.
 *
 * @param settled         installments issued after {@code asOf} and settled by {@code evaluatedOn}: the
 *                        mean absolute error of the predicted payment date is over them, in days
 * @param labelled        installments issued after {@code asOf} whose "over 90 days late or never" was known on
 *                        {@code evaluatedOn} (settled, or due more than 90 days before): AUC and Brier score are over
 *                        them
 */
public record RiskBackTest(LocalDate asOf, LocalDate evaluatedOn, RiskModel model, int settled, int labelled,
        double shareOver90, BackTestMeasure paymentDateMae, BackTestMeasure auc, BackTestMeasure brier) {
}
