package receivables.api.risk;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.Page;
import receivables.api.PageRequest;
import receivables.api.TenantId;

/**
 * Payment risk per tenant: a model learned from the tenant's own ledger, trained as of any past day with only what
 * was known then, the scores of its latest model (kept up to date as invoices are issued), and back-tests.
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

    /**
     * The customers scored by the tenant's latest model at {@code minScore} or above, riskiest first (by score, then
     * probability, then id); an empty page without a model.
     *
     * @throws receivables.api.InvalidRequestException naming {@code minScore} when it is not between 0 and 100
     */
    Page<RiskyCustomer> riskiest(TenantId tenant, int minScore, PageRequest page);

    /**
     * The predictions for the invoice's open installments; empty when there is no model or no such open invoice. An
     * invoice issued after the latest training is scored by that model shortly after it is issued.
     */
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
