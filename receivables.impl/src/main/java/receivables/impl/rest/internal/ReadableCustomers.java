package receivables.impl.rest.internal;

import java.util.Objects;

import jakarta.ws.rs.container.ContainerRequestContext;

import receivables.api.NotFoundException;
import receivables.api.customer.CustomerAccount;
import receivables.api.customer.CustomerAccounts;

/**
 * The customers a request may read: all of its tenant's, or only those assigned to its caller when it reaches the
 * endpoint only as a collector ({@link TenantFilter#assignedOnly}). Any other is not found, exactly like an id the
 * tenant does not have, so that nobody learns which customers exist.
 */
final class ReadableCustomers {

    private ReadableCustomers() {
    }

    /** The customer named in the path, if the request may read it; else a 404. */
    static CustomerAccount customer(CustomerAccounts customers, ContainerRequestContext request, String id) {
        return customers.find(TenantFilter.tenantOf(request), QueryParameters.pathId("customer", id))
                .filter(account -> !TenantFilter.assignedOnly(request)
                        || Objects.equals(account.collector(), TenantFilter.callerOf(request).actor().id()))
                .orElseThrow(() -> new NotFoundException("customer", id));
    }
}
