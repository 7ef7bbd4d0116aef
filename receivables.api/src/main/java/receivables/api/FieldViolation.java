package receivables.api;

/**
 * Why one field of a request was refused.
 *
 * @param field the field's path as the client sent it, e.g. {@code billingAddress.country}
 * @param message what is wrong with it, in words a clerk understands
 */
public record FieldViolation(String field, String message) {

    public static FieldViolation of(String field, String message) {
        return new FieldViolation(field, message);
    }
}
