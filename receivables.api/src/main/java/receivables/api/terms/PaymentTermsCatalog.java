package receivables.api.terms;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The payment terms a tenant can put on invoices: the {@link PaymentTerms#standard() standard} ones and its own.
 */
@ProviderType
public interface PaymentTermsCatalog {

    /** Standard terms first, then the tenant's own by code. */
    List<PaymentTerms> list(TenantId tenant);

    Optional<PaymentTerms> find(TenantId tenant, String code);

    /**
     * Creates or replaces the tenant's terms {@code code}; invoices already issued keep their schedules.
     *
     * @param notation as {@link PaymentTerms#parse} reads it, e.g. {@code 30%@0 40%@30 30%@60}
     * @throws receivables.api.InvalidRequestException when the notation or code is not valid
     * @throws receivables.api.ConflictException when {@code code} is a standard code
     */
    PaymentTerms define(TenantId tenant, String code, String name, String notation);
}
