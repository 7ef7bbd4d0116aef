package receivables.impl.customer.internal;

/** How a customer got its collector; the database stores the name, so none is renamed. */
public enum CollectorAssignedBy {
    /** By hand: assignment rules leave it alone unless a run is asked to override it. */
    MANUAL,
    /** By the first of the tenant's assignment rules that matched it. */
    RULE
}
