package receivables.api.invoice;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order of a list of invoices, named in requests as the field, descending with a leading {@code -}:
 * {@code -number} (the default: newest number first), {@code number}, {@code issueDate}, {@code -issueDate},
 * {@code dueDate}, {@code -dueDate}. Invoices without the field (drafts have no number, issue date nor due date)
 * come last either way; ties are broken by number, then id, so that pages never overlap.
 */
public enum InvoiceSort {
    NUMBER_DESCENDING("-number"),
    NUMBER("number"),
    ISSUE_DATE("issueDate"),
    ISSUE_DATE_DESCENDING("-issueDate"),
    DUE_DATE("dueDate"),
    DUE_DATE_DESCENDING("-dueDate");

    private final String parameter;

    InvoiceSort(String parameter) {
        this.parameter = parameter;
    }

    /** How requests name this order, e.g. {@code -number}. */
    public String parameter() {
        return parameter;
    }

    /** The order a request names, if it names one of them. */
    public static Optional<InvoiceSort> ofParameter(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }
}
