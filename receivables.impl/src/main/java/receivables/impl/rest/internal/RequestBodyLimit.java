package receivables.impl.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Bounds every request body: an {@link Upload} to the configured upload size, anything else to the configured
 * body size. A declared length over the limit is refused with 413 before a byte is read; a body sent without one
 * (chunked) is cut off with 413 when it passes the limit.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("receivables.body-limit")
@JakartarsApplicationSelect(RestApplication.SELECT)
public class RequestBodyLimit implements ContainerRequestFilter {

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
            request.abortWith(ProblemResponses.response(ProblemResponses.problem(new BodyTooLargeException(limit))));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedBody(request.getEntityStream(), limit));
        }
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

        private void count(long bytes) {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
