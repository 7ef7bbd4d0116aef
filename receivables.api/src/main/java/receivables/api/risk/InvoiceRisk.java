package receivables.api.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The predictions for an invoice's open installments, scored on {@code scoredOn} by the model it names. */
public record InvoiceRisk(UUID invoiceId, UUID customerId, List<InstallmentRisk> installments, LocalDate scoredOn,
        int modelVersion, LocalDate trainedAsOf) {

    public InvoiceRisk {
        installments = List.copyOf(installments);
    }
}
