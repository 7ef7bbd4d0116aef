package receivables.impl.audit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose inserts, updates and deletes go into the audit trail, under the type name given.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audited {

    /** The entity type as the audit API names it, e.g. {@code customer}. */
    String value();
}
