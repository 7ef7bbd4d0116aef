package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource (its class, or one method) serves only tenants that have the feature switched on;
 * {@link TenantFilter} refuses everyone else with 403 before the resource is called.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresFeature {

    /** The feature's name, as tenants list it in their configuration, e.g. {@code bank-reconciliation}. */
    String value();
}
