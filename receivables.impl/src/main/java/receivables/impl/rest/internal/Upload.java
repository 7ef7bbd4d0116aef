package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource method takes a file as its body, which {@link RequestBodyLimit} lets grow to the
 * configured upload size instead of the (much smaller) size of an ordinary request body.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upload {
}
