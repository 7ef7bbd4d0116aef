package receivables.impl.tenant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "receivables tenant",
        description = "One tenant of receivables and the API keys that act for it. Requests name the tenant in "
                + "the X-Tenant header and authenticate with one of its keys as 'Authorization: Bearer <key>'.")
@interface TenantConfiguration {

    String FACTORY_PID = "receivables.tenant";

    @AttributeDefinition(name = "Tenant id",
            description = "Lower-case letters, digits, '-' and '_'; starts with a letter or digit; at most 64 characters")
    String id();

    @AttributeDefinition(name = "Display name", required = false)
    String name() default "";

    @AttributeDefinition(name = "API keys", type = AttributeType.PASSWORD, cardinality = 16,
            description = "The hash of each key, {hmac-sha256}..., as the Gogo command receivables:hashKey prints it. A key "
                    + "in clear (at least 16 characters) is accepted with a warning. Several keys allow rotation without "
                    + "downtime.")
    String[] apiKeys();

    @AttributeDefinition(name = "Roles of the API keys", cardinality = 5,
            description = "What the keys above may do: CLERK, COLLECTOR, FINANCE_MANAGER, TENANT_ADMIN, AUDITOR. By "
                    + "default they hold every role, as they did before there were roles; narrow them, or issue named "
                    + "credentials with their own roles over REST instead.")
    String[] apiKeyRoles() default { "CLERK", "COLLECTOR", "FINANCE_MANAGER", "TENANT_ADMIN", "AUDITOR" };

    @AttributeDefinition(name = "Enabled", description = "A disabled tenant's requests are refused")
    boolean enabled() default true;

    @AttributeDefinition(name = "Invoice number pattern",
            description = "{year}, {yy} and {number} or {number:width}; numbers are gap-free per tenant and year")
    String invoiceNumberPattern() default TenantSettings.DEFAULT_INVOICE_NUMBER_PATTERN;

    @AttributeDefinition(name = "Functional currency", description = "ISO 4217 code the tenant's ledger is kept in")
    String functionalCurrency() default TenantSettings.DEFAULT_FUNCTIONAL_CURRENCY;

    @AttributeDefinition(name = "Failed credit check blocks invoicing",
            description = "When off, a failed credit check only warns and the invoice is issued")
    boolean creditCheckBlocks() default true;

    @AttributeDefinition(name = "Write-off tolerance",
            description = "A decimal amount, e.g. 0.05, in each invoice's own currency: when a payment's allocation "
                    + "leaves at most this much open on an installment, the remainder is written off as a small "
                    + "difference. 0 writes nothing off.")
    String writeOffTolerance() default TenantSettings.DEFAULT_WRITE_OFF_TOLERANCE;

    @AttributeDefinition(name = "Features", required = false, cardinality = 64,
            description = "Features switched on for this tenant, e.g. bank-reconciliation, dunning; screens of a "
                    + "feature are offered only to tenants that have it. A payment provider's feature, provider:<id>, "
                    + "is on when the tenant has an enabled provider account for it.")
    String[] features() default {};

    @AttributeDefinition(name = "Time zone",
            description = "An IANA time zone, e.g. Asia/Shanghai or Europe/Berlin: where the web UI shows times")
    String timeZone() default "UTC";

    @AttributeDefinition(name = "Bad-debt tax relief",
            description = "When on, a bad-debt write-off takes back the tax share of what it writes off (Dr tax payable) "
                    + "instead of expensing the whole gross, where the tax authority relieves output tax on bad debts")
    boolean badDebtTaxRelief() default false;

    @AttributeDefinition(name = "Early-payment discount adjusts tax",
            description = "When on, an early-payment discount takes back its tax share (Dr cash-discount expense net, "
                    + "Dr tax payable) instead of expensing the whole discount, where a cash discount reduces the "
                    + "taxable amount")
    boolean discountTaxAdjustment() default false;

    @AttributeDefinition(name = "Approval threshold", required = false,
            description = "Four eyes: a decimal amount in the functional currency, e.g. 1000. Bad-debt write-offs and "
                    + "credit notes worth more than this (converted at the day's rate), and every raise of a customer's "
                    + "credit limit, wait until a second finance manager approves them. Empty: nothing waits.")
    String approvalThreshold() default "";
}
