package receivables.api.collections;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/**
 * The ordered rules by which a tenant's customers are assigned to collectors: the first rule that matches a customer
 * names its collector. They apply when a customer is created or changed and when {@link #apply} runs; a customer
 * assigned by hand ({@code PUT /customers/{id}/collector}) keeps that collector unless a run is asked to override it.
 */
@ProviderType
public interface CollectorRules {

    /** The tenant's rules, first first. */
    List<CollectorRule> rules(TenantId tenant);

    /**
     * Replaces the tenant's rules with {@code rules}, in that order; an empty list removes them all. Customers are
     * not reassigned until they change or {@link #apply} runs.
     *
     * @throws receivables.api.InvalidRequestException naming the field that is wrong, e.g. {@code rules[2].maxAmount}
     */
    List<CollectorRule> replace(TenantId tenant, List<CollectorRule> rules);

    /**
     * Applies the rules to every customer of the tenant: a customer takes the collector of the first rule it matches,
     * and one a rule had assigned that no rule matches any more is left without a collector.
     *
     * @param overrideManual also reassign customers assigned by hand (they then count as assigned by rule)
     * @throws receivables.api.ConflictException when a run of the tenant's rules is already going on
     */
    CollectorRuleRun apply(TenantId tenant, boolean overrideManual);
}
