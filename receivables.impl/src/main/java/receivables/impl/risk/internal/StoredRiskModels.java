package receivables.impl.risk.internal;

import java.util.Arrays;
import java.util.List;

import org.hibernate.Session;

import jakarta.persistence.Tuple;

import receivables.api.TenantId;
import receivables.api.risk.RiskFactor;
import receivables.impl.persistence.internal.NativeRow;

/** A tenant's models as stored, read back to score what was issued after the latest learned. */
final class StoredRiskModels {

    private StoredRiskModels() {
    }

    /** The version of the tenant's latest model, 0 without one. */
    static int latestVersion(Session session, TenantId tenant) {
        return (int) NativeRow.list(session.createNativeQuery("select coalesce(max(version), 0) v from risk_model"
                + " where tenant_id = :tenant", Tuple.class).setParameter("tenant", tenant.value())).get(0).number("v");
    }

    /**
     * Locks the tenant's latest model until the transaction ends and returns its version (0 without one, locking
     * nothing): whoever writes scores holds it, a training before it adds the next version.
     */
    static int lockLatest(Session session, TenantId tenant) {
        int version = latestVersion(session, tenant);
        while (version > 0) {
            session.createNativeQuery("select version from risk_model where tenant_id = :tenant and version = :version"
                    + " for update", Tuple.class).setParameter("tenant", tenant.value())
                    .setParameter("version", version).getResultList();
            int latest = latestVersion(session, tenant);
            if (latest == version) {
                return version;
            }
            version = latest;
        }
        return 0;
    }

    /** The numbers of the tenant's model of that version. */
    static LinearRisk read(Session session, TenantId tenant, int version) {
        NativeRow model = NativeRow.list(session.createNativeQuery("select late_intercept, over_90_intercept"
                        + " from risk_model where tenant_id = :tenant and version = :version", Tuple.class)
                .setParameter("tenant", tenant.value()).setParameter("version", version)).get(0);
        int n = RiskFactor.values().length;
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] late = new double[n];
        double[] over90 = new double[n];
        // A factor the model did not know (added since it was trained) moves nothing: weight 0, scale 1.
        Arrays.fill(scales, 1);
        List<NativeRow> factors = NativeRow.list(session.createNativeQuery("select factor, mean, scale, late_weight,"
                        + " over_90_weight from risk_model_factor where tenant_id = :tenant and version = :version",
                        Tuple.class).setParameter("tenant", tenant.value()).setParameter("version", version));
        for (NativeRow row : factors) {
            int i = RiskFactor.valueOf(row.text("factor")).ordinal();
            means[i] = row.real("mean");
            scales[i] = row.real("scale");
            late[i] = row.real("late_weight");
            over90[i] = row.real("over_90_weight");
        }
        return new LinearRisk(means, scales, model.real("late_intercept"), late, model.real("over_90_intercept"),
                over90);
    }
}
