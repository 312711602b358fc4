package org.stationf.aiprogram.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The body size limit for a body sent without a Content-Length (chunked): counted as the resource reads it and
 * refused past quarkus.http.limits.max-body-size with a 413 problem, like a declared length over the limit
 * ({@link HttpFallbacks}). Quarkus's own count would answer that 413 with an empty body; HttpFallbacks hands the
 * count to this filter for such requests, under {@link #LIMIT_KEY}.
 */
public class StreamedBodyLimit {

    /** Routing-context data: the limit in bytes, set only on requests whose body comes chunked. */
    static final String LIMIT_KEY = StreamedBodyLimit.class.getName() + ".limit";

    @ServerRequestFilter
    public void countBody(ContainerRequestContext request, RoutingContext routing) {
        Long limit = routing.get(LIMIT_KEY);
        if (limit != null) {
            request.setEntityStream(new CountedBody(request.getEntityStream(), limit, routing));
        }
    }

    static final class CountedBody extends FilterInputStream {

        private final long limit;
        private final RoutingContext routing;
        private long read;
        private boolean refused;

        CountedBody(InputStream body, long limit, RoutingContext routing) {
            super(body);
            this.limit = limit;
            this.routing = routing;
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
            // Counted like a read, so skipping cannot pass the limit.
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int count = read(skipped, 0, skipped.length);
            return Math.max(count, 0);
        }

        /**
         * Reads what the resource left unread, still counted: the stream beneath would otherwise drain the rest of
         * the body, however long, when closed. After a refusal the connection closes instead.
         */
        @Override
        public void close() throws IOException {
            if (refused) {
                return;
            }
            byte[] rest = new byte[8192];
            while (read(rest, 0, rest.length) >= 0) {
                // discarded
            }
            super.close();
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > limit) {
                refused = true;
                // What is left of the body is never read: the connection cannot carry another request after it.
                routing.addEndHandler(ended -> routing.request().connection().close());
                throw new BodyTooLarge(limit);
            }
        }
    }

    /** An IOException, as a failing read is: JSON readers pass it on as it is, where they wrap a runtime exception. */
    static final class BodyTooLarge extends IOException {

        BodyTooLarge(long limit) {
            super(ProblemResponses.bodyOverLimit(limit));
        }
    }

    @ServerExceptionMapper
    public Response refuse(BodyTooLarge e, ContainerRequestContext request) {
        ProblemResponses.StatusProblem tooLarge = ProblemResponses.ofStatus(413);
        return ProblemResponses.builder(413, tooLarge.slug(), tooLarge.title(), e.getMessage(), List.of(), Map.of(), request)
                .header("Connection", "close")
                .build();
    }
}
