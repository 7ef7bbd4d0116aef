package receivables.impl.ui.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import receivables.api.people.Caller;
import receivables.api.ui.FragmentDescription;
import receivables.api.ui.UiFragment;
import receivables.api.ui.UiFragments;
import receivables.impl.provider.internal.ProviderDirectory;
import receivables.impl.tenant.internal.TenantDirectory;

/**
 * The fragments installed now, offered to a caller when their feature is one the caller's tenant has (switched on
 * in its configuration, or a provider it may use, {@code provider:<id>}) and the caller holds a role they name.
 */
@Component(service = UiFragments.class)
public class InstalledFragments implements UiFragments {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<UiFragment> fragments = List.of();

    @Reference
    TenantDirectory tenants;

    @Reference
    ProviderDirectory providers;

    @Override
    public List<FragmentDescription> forCaller(Caller caller) {
        Set<String> features = new HashSet<>(tenants.features(caller.tenant()));
        features.addAll(providers.features(caller.tenant()));
        return fragments.stream()
                .map(FragmentDescription::of)
                .filter(fragment -> fragment.feature() == null || fragment.feature().isBlank()
                        || features.contains(fragment.feature()))
                .filter(fragment -> fragment.roles().stream().anyMatch(caller::holds))
                .sorted(Comparator.comparing(FragmentDescription::slot).thenComparing(FragmentDescription::id))
                .toList();
    }
}
