package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource (its class, or one method) answers callers without an API key: the health check, and
 * the endpoints where payment channels report, which cannot present one. Credentials that are presented are still
 * checked; the tenant is then known to the resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface CredentialsOptional {
}
