package receivables.impl.rest.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import receivables.api.FieldViolation;

/**
 * An RFC 9457 problem detail as the API sends it.
 *
 * @param type   URI naming the kind of problem
 * @param title  short summary of the kind
 * @param status HTTP status code
 * @param detail what went wrong with this request
 * @param errors the offending fields, when the request body or parameters are at fault
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    static final String TYPE_PREFIX = "https://receivables.dev/problems/";
}
