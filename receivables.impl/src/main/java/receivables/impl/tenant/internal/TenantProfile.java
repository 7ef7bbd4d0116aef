package receivables.impl.tenant.internal;

/** What the web UI shows of its tenant: the name, where its times are shown, and the currency its ledger is kept in. */
public record TenantProfile(String id, String name, String timeZone, String functionalCurrency) {
}
