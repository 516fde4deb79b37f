package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.feedwerk.parse.Item;
import org.junit.jupiter.api.Test;

class ArticleKeysTest {
    private static Item item(String guid, String link, String title) {
        return Item.builder()
                .guid(guid)
                .link(link)
                .title(title)
                .contentHtml("<p>x</p>")
                .build();
    }

    private static final RevisionContent CONTENT = content("<p>The ferry runs again from Monday.</p>");

    private static RevisionContent content(String body) {
        return RevisionContent.builder()
                .headline("The ferry runs again …")
                .bodyHtml(body)
                .language("en")
                .build();
    }

    @Test
    void anItemWithNoGuidLinkOrTitleIsKeyedByItsText() {
        Item bare = item(null, null, null);

        String key = ArticleKeys.keyFor(bare, Set.of(), CONTENT);

        assertThat(key).startsWith("text:");
        assertThat(ArticleKeys.keyFor(bare, Set.of(), content("<p>The ferry runs  again\nfrom Monday.</p>")))
                .as("same text, other whitespace")
                .isEqualTo(key);
        assertThat(ArticleKeys.keyFor(bare, Set.of(), content("<p>The ferry stops on Monday.</p>")))
                .isNotEqualTo(key);
    }

    @Test
    void idIsStableAndDependsOnSourceAndKey() {
        assertThat(ArticleKeys.articleId("wire", "g-1"))
                .isEqualTo(ArticleKeys.articleId("wire", "g-1"))
                .hasSize(16)
                .matches("[0-9a-f]+");
        assertThat(ArticleKeys.articleId("wire", "g-1")).isNotEqualTo(ArticleKeys.articleId("other", "g-1"));
    }

    @Test
    void fallsBackToLinkWhenGuidMissing() {
        assertThat(ArticleKeys.keyFor(item(null, "https://a/1", "T"), Set.of(), CONTENT))
                .isEqualTo("https://a/1");
    }

    @Test
    void fallsBackToTitleWhenNeitherGuidNorLink() {
        assertThat(ArticleKeys.keyFor(item(null, null, "Big <b>news</b>"), Set.of(), CONTENT))
                .isEqualTo("title:Big news");
    }

    @Test
    void detectsGuidsReusedForDifferentStoriesAndCombinesThemWithTheLink() {
        List<Item> items = List.of(
                item("same", "https://a/1", "One"),
                item("same", "https://a/2", "Two"),
                item("unique", "https://a/3", "Three"),
                item("repeated", "https://a/4", "Four"),
                item("repeated", "https://a/4", "Four again"));

        Set<String> reused = ArticleKeys.findReusedGuids(items);

        assertThat(reused).containsExactly("same");
        assertThat(ArticleKeys.keyFor(items.get(0), reused, CONTENT)).isEqualTo("same\nhttps://a/1");
        assertThat(ArticleKeys.keyFor(items.get(2), reused, CONTENT)).isEqualTo("unique");
    }
}
