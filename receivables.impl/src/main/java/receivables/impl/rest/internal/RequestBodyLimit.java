package receivables.impl.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Bounds every request body: an {@link Upload} to the configured upload size, anything else to the configured
 * body size. A declared length over the limit is refused with 413 before a byte is read; a body sent without one
 * (chunked) is cut off with 413 when it passes the limit.
 *
 * <p>A resource may answer before it has read the whole body (the statement import refuses a file whose first
 * bytes are in no format it knows). What it left unread is read to its end here, up to the limit: a body that
 * passes the limit is answered 413 all the same, whatever the resource said. A 413 closes the connection, since
 * the rest of that body is never read.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class })
@JakartarsExtension
@JakartarsName("receivables.body-limit")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class RequestBodyLimit implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String BODY_PROPERTY = "receivables.limitedBody";
    private static final String CONNECTION = "Connection";

    @Reference
    RequestThrottles throttles;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestThrottles.Limits limits = throttles.limits();
        boolean upload = resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Upload.class);
        long limit = upload ? limits.maxUploadBytes() : limits.maxBodyBytes();
        if (request.getLength() > limit) {
            request.abortWith(Response.fromResponse(tooLarge(limit)).header(CONNECTION, "close").build());
            return;
        }
        if (request.hasEntity()) {
            LimitedBody body = new LimitedBody(request.getEntityStream(), limit);
            request.setProperty(BODY_PROPERTY, body);
            request.setEntityStream(body);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            response.getHeaders().putSingle(CONNECTION, "close");
            return;
        }
        if (!(request.getProperty(BODY_PROPERTY) instanceof LimitedBody body)) {
            return;
        }
        try {
            body.drain();
        } catch (BodyTooLargeException e) {
            Response tooLarge = tooLarge(e.limit());
            response.setStatus(tooLarge.getStatus());
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.setEntity(tooLarge.getEntity(), new Annotation[0], tooLarge.getMediaType());
            response.getHeaders().putSingle(CONNECTION, "close");
        } catch (IOException e) {
            // the client went away or the body broke off: the connection cannot serve another request
            response.getHeaders().putSingle(CONNECTION, "close");
        }
    }

    private static Response tooLarge(long limit) {
        return ProblemResponses.response(ProblemResponses.problem(new BodyTooLargeException(limit)));
    }

    /** A body that throws {@link BodyTooLargeException} once more than {@code limit} bytes were read from it. */
    static final class LimitedBody extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedBody(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Reads what is left of the body, to its end or until it passes the limit. */
        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            int count;
            do {
                count = read(buffer, 0, buffer.length);
            } while (count >= 0);
        }

        private void count(long bytes) {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
