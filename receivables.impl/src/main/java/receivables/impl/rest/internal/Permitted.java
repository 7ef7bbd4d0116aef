package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import receivables.api.people.Role;

/**
 * The roles that may call a resource method: the permission table of the REST API, one entry per endpoint, read by
 * {@link TenantFilter} on every request and printed into the README by {@code PermissionTableTest}. A method
 * without it answers nobody but {@link CredentialsOptional} callers, so a new endpoint is closed until someone
 * decides who may call it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Permitted {

    Role[] value();
}
