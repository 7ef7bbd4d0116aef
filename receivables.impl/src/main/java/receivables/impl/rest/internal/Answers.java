package receivables.impl.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that builds its own {@code Response} answers, which its signature cannot say: the status
 * of success, the type of the body it sends then, and the problems it answers itself besides those every endpoint
 * of its kind may answer. Read by {@link OpenApiDocument}; {@code OpenApiDocumentTest} fails on a method that
 * returns a {@code Response} without it, or that builds a status it does not declare. A method that answers one of
 * several statuses of success declares each, with its body: a write-off answers 201 with the write-off, or 202 with
 * the approval request it waits for.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answers.Several.class)
public @interface Answers {

    /** The HTTP status of success. */
    int value();

    /** The type of the body sent on success; {@code Void} when none is sent. */
    Class<?> body() default Void.class;

    /** Problems the method answers itself. */
    Refusal[] refusals() default {};

    /** One problem: its status and its type, the last segment of the type URI. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Refusal {

        int status();

        String type();
    }

    /** The statuses of a method that answers several; written as {@code @Answers} repeated. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Several {

        Answers[] value();
    }
}
