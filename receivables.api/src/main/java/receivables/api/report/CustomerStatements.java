package receivables.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * Customer statements and open items, aggregated in the database.
 */
@ProviderType
public interface CustomerStatements {

    /** The longest period one statement covers. */
    int MAX_PERIOD_YEARS = 10;

    /**
     * The customer's account in {@code currency} from {@code from} to {@code to} inclusive: an issued
     * invoice is a debit of its gross amount on its issue date, a payment a credit of its full amount on
     * its value date (what is not allocated is the customer's credit).
     *
     * @throws receivables.api.InvalidRequestException naming the field: {@code customerId} missing or not a
     *         customer of the tenant, {@code currency} missing or not ISO 4217, {@code from} or {@code to}
     *         missing, {@code from} after {@code to}, or a period longer than {@link #MAX_PERIOD_YEARS} years
     */
    CustomerStatement statement(TenantId tenant, UUID customerId, String currency, LocalDate from, LocalDate to);

    /**
     * The installments of the customer's invoices issued up to {@code asOf} that were still open that day
     * (their amount less the allocations with a value date up to the day), in every currency, ordered by
     * due date.
     *
     * @throws receivables.api.InvalidRequestException naming the field: {@code customerId} missing or not a
     *         customer of the tenant, or {@code asOf} missing
     */
    List<OpenItem> openItems(TenantId tenant, UUID customerId, LocalDate asOf);
}
