package org.feedwerk.web.site;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.feedwerk.publish.Hashes;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;

/**
 * Rendered pages and feeds, kept until the next publication or withdrawal changes what the site shows. Only
 * successful pages are kept (a flood of 404s or redirects must not fill it), keyed by path alone (the routes
 * that use it read no query parameters), within a byte budget; a render that began before a change is not kept
 * after it.
 */
public final class PageCache implements PublicationListener {
    static final long BYTE_BUDGET = 64L << 20;

    /** A rendered response. */
    public record Page(int status, String contentType, String body, String location, byte[] bytes, String etag) {
        /**
         * The body is encoded once, when the page is rendered, not on every request; so is its entity tag (a hash
         * of the bytes), which lets feed readers, browsers and CDNs ask again with {@code If-None-Match} and get
         * {@code 304 Not Modified} until the page changes.
         */
        public Page(int status, String contentType, String body, String location) {
            this(status, contentType, body, location, body.getBytes(StandardCharsets.UTF_8));
        }

        private Page(int status, String contentType, String body, String location, byte[] bytes) {
            this(
                    status,
                    contentType,
                    body,
                    location,
                    bytes,
                    "\"" + Hashes.sha256(body).substring(0, 24) + "\"");
        }

        /** Whether a request's {@code If-None-Match} names this page's current version. */
        public boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
                return false;
            }
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || candidate.replaceFirst("^W/", "").equals(etag)) {
                    return true;
                }
            }
            return false;
        }

        public static Page html(int status, String body) {
            return new Page(status, "text/html; charset=utf-8", body, null);
        }

        public static Page redirect(String location) {
            return new Page(301, "text/plain; charset=utf-8", "Moved to " + location, location);
        }
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final long budget;

    public PageCache() {
        this(BYTE_BUDGET);
    }

    PageCache(long budget) {
        this.budget = budget;
    }

    public Page get(String key, Supplier<Page> render) {
        Page cached = pages.get(key);
        if (cached != null) {
            return cached;
        }
        long renderedIn = generation.get();
        Page page = render.get();
        if (page.status() == 200) {
            keep(key, page, renderedIn);
        }
        return page;
    }

    private synchronized void keep(String key, Page page, long renderedIn) {
        if (renderedIn != generation.get() || weight(page) > budget) {
            return; // the site changed while this page was rendered, or it alone exceeds the budget
        }
        var keys = pages.keySet().iterator();
        while (bytes.get() + weight(page) > budget && keys.hasNext()) {
            Page evicted = pages.remove(keys.next());
            if (evicted != null) {
                bytes.addAndGet(-weight(evicted));
            }
        }
        Page previous = pages.put(key, page);
        bytes.addAndGet(weight(page) - (previous == null ? 0 : weight(previous)));
    }

    /** The heap a page holds: its encoded bytes and its text (at most two bytes a character). */
    private static long weight(Page page) {
        return page.bytes().length + 2L * page.body().length();
    }

    /** Heap bytes of the pages kept now. */
    long size() {
        return bytes.get();
    }

    /** The cached page, or null when it has not been rendered since the last change. */
    public Page peek(String key) {
        return pages.get(key);
    }

    public synchronized void clear() {
        generation.incrementAndGet();
        pages.clear();
        bytes.set(0);
    }

    @Override
    public void published(Publication publication) {
        clear();
    }

    @Override
    public void withdrawn(String articleId) {
        clear();
    }
}
