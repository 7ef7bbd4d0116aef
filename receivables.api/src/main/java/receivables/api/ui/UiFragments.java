package receivables.api.ui;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.TenantId;

/** The registry of installed fragments. */
@ProviderType
public interface UiFragments {

    /** The fragments of the tenant's enabled features, by slot then id. */
    List<FragmentDescription> forTenant(TenantId tenant);
}
