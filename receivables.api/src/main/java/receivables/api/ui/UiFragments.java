package receivables.api.ui;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import receivables.api.people.Caller;

/** The registry of installed fragments. */
@ProviderType
public interface UiFragments {

    /** The fragments of the caller's tenant's enabled features that the caller's roles see, by slot then id. */
    List<FragmentDescription> forCaller(Caller caller);
}
