package receivables.api.ui;

/** A fragment as the registry lists it. */
public record FragmentDescription(String id, String slot, String title, String resourcePath,
        String feature) {

    public static FragmentDescription of(UiFragment fragment) {
        return new FragmentDescription(fragment.id(), fragment.slot(), fragment.title(), fragment.resourcePath(),
                fragment.feature());
    }
}
