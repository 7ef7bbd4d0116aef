package receivables.api.risk;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the model predicts for one open installment.
 *
 * @param predictedDaysLate    days between the due date and the predicted payment date (negative: early)
 * @param probabilityOver90    the probability that it is paid more than 90 days after its due date, or never
 */
public record InstallmentRisk(UUID installmentId, int sequenceNumber, LocalDate dueDate, int predictedDaysLate,
        LocalDate predictedPaymentDate, double probabilityOver90) {
}
