package org.feedwerk.web.site;

import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.feedwerk.metrics.FeedwerkMetrics;
import org.feedwerk.web.site.PageCache.Page;

/**
 * Answers GET (and HEAD) requests for pages already in the page cache directly at the Jetty level (with their entity tag, and
 * {@code 304 Not Modified} to a client that already has that version), before Javalin's
 * servlet and router: the hot path of a news site is the same rendered page again and again. Everything else
 * (first renders, the API, search) goes on to Javalin.
 */
public final class CachedPageHandler extends Handler.Wrapper {
    private final PageCache cache;
    private final Counter served;

    private final Map<String, String> securityHeaders;

    public CachedPageHandler(PageCache cache, FeedwerkMetrics metrics, Map<String, String> securityHeaders) {
        this.cache = cache;
        this.securityHeaders = securityHeaders;
        this.served = metrics.cachedPageRequests();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean head = "HEAD".equals(request.getMethod());
        if (head || "GET".equals(request.getMethod())) {
            Page page = cache.peek(Request.getPathInContext(request));
            if (page != null && page.status() == 200) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=60");
                response.getHeaders().put(HttpHeader.ETAG, page.etag());
                securityHeaders.forEach(response.getHeaders()::put);
                served.increment();
                if (page.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                    response.setStatus(304);
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.bytes().length);
                response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(page.bytes()), callback);
                return true;
            }
        }
        if (head) {
            // Javalin has no HEAD routes: asked as GET, the site's own answer (404, 410, the page's headers) is
            // given, and Jetty sends no body in reply to a HEAD request.
            return super.handle(new GetForHead(request), response, callback);
        }
        return super.handle(request, response, callback);
    }

    private static final class GetForHead extends Request.Wrapper {
        GetForHead(Request request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
