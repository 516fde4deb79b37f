package org.feedwerk.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.feedwerk.web.site.PageCache.Page;
import org.junit.jupiter.api.Test;

class PageCacheTest {
    private final AtomicInteger renders = new AtomicInteger();

    private Page render(int status, String body) {
        renders.incrementAndGet();
        return new Page(status, "text/html; charset=utf-8", body, null);
    }

    @Test
    void keepsSuccessfulPagesOnly() {
        PageCache cache = new PageCache();

        cache.get("/a", () -> render(200, "page"));
        cache.get("/a", () -> render(200, "page"));
        cache.get("/missing", () -> render(404, "not found"));
        cache.get("/missing", () -> render(404, "not found"));
        cache.get("/old-slug", () -> Page.redirect("/new-slug"));

        assertThat(renders).hasValue(3);
        assertThat(cache.peek("/a")).isNotNull();
        assertThat(cache.peek("/missing")).isNull();
        assertThat(cache.peek("/old-slug")).isNull();
    }

    @Test
    void staysWithinItsByteBudget() {
        PageCache cache = new PageCache(10_000);

        for (int index = 0; index < 1_000; index++) {
            cache.get("/page/" + index, () -> render(200, "x".repeat(1_000)));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10_000);
        assertThat(cache.peek("/page/999")).as("the newest page is kept").isNotNull();
        cache.get("/huge", () -> render(200, "x".repeat(20_000)));
        assertThat(cache.peek("/huge")).as("larger than the whole budget").isNull();
    }

    @Test
    void aRenderThatBeganBeforeAWithdrawalIsNotKeptAfterIt() {
        PageCache cache = new PageCache();

        Page page = cache.get("/de/article", () -> {
            Page rendered = render(200, "the article, still live when rendering began");
            cache.withdrawn("article-1"); // the withdrawal commits while the page is being rendered
            return rendered;
        });

        assertThat(page.status()).isEqualTo(200);
        assertThat(cache.peek("/de/article"))
                .as("rendered before the withdrawal")
                .isNull();
    }
}
