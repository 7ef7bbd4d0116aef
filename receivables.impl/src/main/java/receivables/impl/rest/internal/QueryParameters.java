package receivables.impl.rest.internal;

import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;

/**
 * Parses query parameters ourselves: Jakarta REST answers 404 for a malformed number, we answer 400
 * naming the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(FieldViolation.of(name, "must be a whole number"));
        }
    }
}
