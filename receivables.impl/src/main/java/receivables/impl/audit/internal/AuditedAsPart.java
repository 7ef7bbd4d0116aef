package receivables.impl.audit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity that is audited as a part of another (an invoice's lines and installments): its inserts, updates
 * and deletes go into its owner's record of the same transaction, as fields named {@code lines[2].quantity}, instead
 * of records of their own. An invoice issued by a billing run is one record, not one per row, and every change of
 * an invoice, its parts' included, is found by the invoice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditedAsPart {

    /** The owner's type as the audit API names it, e.g. {@code invoice}. */
    String owner();

    /** The field that holds the owner's id. */
    String ownerId();

    /** The name the parts have in the owner's record, e.g. {@code lines}. */
    String name();

    /** The field that numbers a part within its owner, e.g. {@code lineNumber}; the part's name carries it. */
    String key();

    /**
     * Fields that hold their owner's value (an installment's currency, customer, issue date): the owner's record
     * leaves them out of the part, whose owner's own fields say them.
     */
    String[] ownersValues() default {};
}
