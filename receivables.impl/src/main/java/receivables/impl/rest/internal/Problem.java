package receivables.impl.rest.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import receivables.api.FieldViolation;

/**
 * An RFC 9457 problem detail as the API sends it.
 *
 * @param type       URI naming the kind of problem
 * @param title      short summary of the kind
 * @param status     HTTP status code
 * @param detail     what went wrong with this request
 * @param errors     the offending fields, when the request body or parameters are at fault
 * @param extensions further members of this kind of problem (RFC 9457 §3.2), sent after the standard ones in order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors,
        @JsonIgnore Map<String, Object> extensions) {

    static final String TYPE_PREFIX = "https://receivables.dev/problems/";

    public Problem {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {
        this(type, title, status, detail, errors, Map.of());
    }

    /** This problem with the extension member {@code name} set to {@code value}. */
    public Problem with(String name, Object value) {
        Map<String, Object> members = new LinkedHashMap<>(extensions);
        members.put(name, value);
        return new Problem(type, title, status, detail, errors, members);
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }
}
