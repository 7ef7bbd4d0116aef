package receivables.impl.rest.internal;

import java.util.Objects;
import java.util.UUID;

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
                .filter(account -> assignedToCaller(account, request))
                .orElseThrow(() -> new NotFoundException("customer", id));
    }

    /**
     * Whether the request may read the customer with this id (which the tenant may not have); the caller answers
     * with a 404 of what it was asked for when not.
     */
    static boolean readable(CustomerAccounts customers, ContainerRequestContext request, UUID customer) {
        return !TenantFilter.assignedOnly(request) || customer != null && customers.find(TenantFilter.tenantOf(request), customer)
                .filter(account -> assignedToCaller(account, request)).isPresent();
    }

    private static boolean assignedToCaller(CustomerAccount account, ContainerRequestContext request) {
        return !TenantFilter.assignedOnly(request)
                || Objects.equals(account.collector(), TenantFilter.callerOf(request).actor().id());
    }
}
