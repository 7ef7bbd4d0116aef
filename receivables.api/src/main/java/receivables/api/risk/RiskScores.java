package receivables.api.risk;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Payment risk per tenant: a model learned from the tenant's own ledger, trained as of any past day with only what
 * was known then, the scores of its latest model, and back-tests.
 */
@ProviderType
public interface RiskScores {

    /**
     * Trains a model as of {@code asOf} (today or earlier) and scores with it every installment open today and every
     * customer, replacing the scores of the tenant's previous model.
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf}: missing, in the future, or a day by which
     *         the tenant's ledger holds too little history to learn from; nothing is stored
     */
    RiskModel train(TenantId tenant, LocalDate asOf);

    /** The customer's score by the tenant's latest model; empty when there is none or the customer is unknown. */
    Optional<CustomerRisk> customer(TenantId tenant, UUID customerId);

    /** The predictions for the invoice's open installments; empty when there is no model or no such open invoice. */
    Optional<InvoiceRisk> invoice(TenantId tenant, UUID invoiceId);

    /**
     * Trains a model as of {@code asOf}, a past day, and compares its predictions for the installments issued after it
     * with what happened and with the naive baseline. Stores nothing.
     *
     * @throws receivables.api.InvalidRequestException naming {@code asOf}: missing, not in the past, or without
     *         enough history before it or outcomes after it
     */
    RiskBackTest backTest(TenantId tenant, LocalDate asOf);
}
