package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource (its class, or one method) answers platform administrators only, who manage the
 * installation from outside its tenants; every caller of a tenant, whatever their roles, is refused with 403. Such
 * endpoints are outside the tenant roles' permission table.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PlatformOnly {
}
