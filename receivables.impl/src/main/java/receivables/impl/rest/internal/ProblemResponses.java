package receivables.impl.rest.internal;

import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import receivables.api.ConflictException;
import receivables.api.FieldViolation;
import receivables.api.InvalidRequestException;
import receivables.api.NotFoundException;
import receivables.api.approval.ApprovalPendingException;
import receivables.api.approval.OwnRequestException;
import receivables.impl.persistence.internal.DatabaseUnavailableException;

/**
 * Turns every failure into an {@code application/problem+json} response. Bad input is a 4xx naming the
 * field; an unexpected failure is a 500 whose body says nothing of the code, with the details logged. A command that
 * waits for approval is no failure: it answers 202 with the approval request, wherever it was given.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName(ProblemResponses.NAME)
@JakartarsApplicationSelect(RestApplication.SELECT)
public class ProblemResponses implements ExceptionMapper<Throwable> {

    static final String NAME = "receivables.problems";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApprovalPendingException pending) {
            return Response.accepted(pending.request()).type(MediaType.APPLICATION_JSON)
                    .location(URI.create("approvals/" + pending.request().id())).build();
        }
        return response(problem(failure));
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** 429 with {@code Retry-After}: the client has used up an allowance and may try again in that many seconds. */
    static Response tooManyRequests(String detail, long retryAfterSeconds) {
        return Response.fromResponse(response(new Problem(Problem.TYPE_PREFIX + "too-many-requests", "Too Many Requests",
                429, detail + "; try again in " + retryAfterSeconds + " s.", null)))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    static Problem problem(Throwable failure) {
        BodyTooLargeException tooLarge = cause(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            return new Problem(Problem.TYPE_PREFIX + "body-too-large", "Content Too Large", 413, tooLarge.getMessage(),
                    List.of(FieldViolation.of("body", "is larger than allowed")));
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return invalidJson(json);
        }
        if (failure instanceof InvalidRequestException invalid) {
            return new Problem(Problem.TYPE_PREFIX + "invalid-request", "The request is not valid", 400,
                    invalid.getMessage(), invalid.violations());
        }
        if (failure instanceof NotFoundException notFound) {
            return new Problem(Problem.TYPE_PREFIX + "not-found", "Not found", 404, notFound.getMessage(), null);
        }
        if (failure instanceof ConflictException conflict) {
            return new Problem(Problem.TYPE_PREFIX + "conflict", "Conflict", 409, conflict.getMessage(), null);
        }
        if (failure instanceof OwnRequestException own) {
            return new Problem(Problem.TYPE_PREFIX + "own-request", "A second person must approve this", 403,
                    own.getMessage(), null);
        }
        if (failure instanceof DatabaseUnavailableException unavailable) {
            LOG.warn("Request refused: {}", unavailable.getMessage());
            return new Problem(Problem.TYPE_PREFIX + "unavailable", "Service unavailable", 503,
                    "The database is not available at the moment; try again shortly.", null);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                    httpDetail(status.getStatusCode()), null);
        }
        LOG.error("Unexpected failure while answering a request", failure);
        return new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed. The failure has been logged.", null);
    }

    private static Problem invalidJson(JsonProcessingException json) {
        // A syntax error inside a field's value is still a malformed body, not a wrong value.
        StreamReadException syntax = cause(json, StreamReadException.class);
        String field = syntax == null && json instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        String message;
        if (syntax != null) {
            JsonLocation at = syntax.getLocation();
            message = "is not well-formed JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        } else if (json instanceof RangeCheckedValues.OutOfRange outOfRange) {
            message = outOfRange.problem();
        } else if (json instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else {
            message = "has a value of the wrong type or form";
        }
        String name = field.isEmpty() ? "body" : field;
        return new Problem(Problem.TYPE_PREFIX + "invalid-request", "The request is not valid", 400,
                name + " " + message, List.of(FieldViolation.of(name, message)));
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String httpDetail(int status) {
        return switch (status) {
            case 404 -> "There is no such resource.";
            case 405 -> "The resource does not support this method.";
            case 406 -> "The resource cannot answer in the requested media type; ask for application/json.";
            case 415 -> "Send the body as application/json.";
            case 401 -> "Name the tenant in X-Tenant and authenticate with 'Authorization: Bearer <API key>'.";
            default -> "The request cannot be served.";
        };
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
