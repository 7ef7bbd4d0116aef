package receivables.api.collections;

/**
 * What one application of the assignment rules to every customer of a tenant did.
 *
 * @param customers  customers looked at
 * @param assigned   customers given a collector they did not have (a new one, or one instead of another)
 * @param unassigned customers a rule had assigned that no rule matches any more, now without a collector
 * @param unchanged  customers whose collector stayed as it was
 * @param keptManual customers assigned by hand and left so, since the run was not asked to override them
 */
public record CollectorRuleRun(int customers, int assigned, int unassigned, int unchanged, int keptManual) {
}
