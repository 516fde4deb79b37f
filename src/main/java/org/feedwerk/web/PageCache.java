package org.feedwerk.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;

/** Rendered pages and feeds, kept until the next publication or withdrawal changes what the site shows. */
public final class PageCache implements PublicationListener {
    private static final int MAX_ENTRIES = 5000;

    /** A rendered response. */
    public record Page(int status, String contentType, String body, String location, byte[] bytes) {
        /** The body is encoded once, when the page is rendered, not on every request. */
        public Page(int status, String contentType, String body, String location) {
            this(status, contentType, body, location, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public static Page html(int status, String body) {
            return new Page(status, "text/html; charset=utf-8", body, null);
        }

        public static Page redirect(String location) {
            return new Page(301, "text/plain; charset=utf-8", "Moved to " + location, location);
        }
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    public Page get(String key, Supplier<Page> render) {
        Page cached = pages.get(key);
        if (cached != null) {
            return cached;
        }
        Page page = render.get();
        if (pages.size() < MAX_ENTRIES) {
            pages.put(key, page);
        }
        return page;
    }

    /** The cached page, or null when it has not been rendered since the last change. */
    public Page peek(String key) {
        return pages.get(key);
    }

    public void clear() {
        pages.clear();
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
