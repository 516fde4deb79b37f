package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.feedwerk.parse.Item;
import org.junit.jupiter.api.Test;

class ArticleKeysTest {
    private static Item item(String guid, String link, String title) {
        return new Item(guid, link, title, null, "<p>x</p>", null, null, null, null, null, null, null, null);
    }

    @Test
    void idIsStableAndDependsOnSourceAndKey() {
        assertThat(ArticleKeys.articleId("wire", "g-1")).isEqualTo(ArticleKeys.articleId("wire", "g-1"))
                .hasSize(16).matches("[0-9a-f]+");
        assertThat(ArticleKeys.articleId("wire", "g-1")).isNotEqualTo(ArticleKeys.articleId("other", "g-1"));
    }

    @Test
    void fallsBackToLinkWhenGuidMissing() {
        assertThat(ArticleKeys.keyFor(item(null, "https://a/1", "T"), Set.of())).contains("https://a/1");
    }

    @Test
    void fallsBackToTitleWhenNeitherGuidNorLink() {
        assertThat(ArticleKeys.keyFor(item(null, null, "Big <b>news</b>"), Set.of())).contains("title:Big news");
    }

    @Test
    void detectsGuidsReusedForDifferentStoriesAndCombinesThemWithTheLink() {
        List<Item> items = List.of(item("same", "https://a/1", "One"), item("same", "https://a/2", "Two"),
                item("unique", "https://a/3", "Three"), item("repeated", "https://a/4", "Four"),
                item("repeated", "https://a/4", "Four again"));

        Set<String> reused = ArticleKeys.findReusedGuids(items);

        assertThat(reused).containsExactly("same");
        assertThat(ArticleKeys.keyFor(items.get(0), reused)).contains("same\nhttps://a/1");
        assertThat(ArticleKeys.keyFor(items.get(2), reused)).contains("unique");
    }
}
