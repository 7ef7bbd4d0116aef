package receivables.api.people;

/**
 * What a person or a machine credential may do within its tenant. A caller holds any number of roles and may do
 * what any of them grants; the README's permission table says which endpoint each role reaches.
 */
public enum Role {

    /** Customers, invoices, payments, statements and the suspense queue. */
    CLERK,

    /** Their own worklist, activities and promises, and read access to the customers assigned to them. */
    COLLECTOR,

    /** Credit limits, write-offs, credit notes, exchange rates, reports and approvals. */
    FINANCE_MANAGER,

    /** The tenant's users, settings, provider accounts, features and machine credentials. */
    TENANT_ADMIN,

    /** Reads everything, the audit trail included, and changes nothing. */
    AUDITOR
}
