package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedFormat;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ItemImage;
import org.feedwerk.parse.ParsedFeed;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final SourceConfig source = new SourceConfig(
            "wire", URI.create("https://wire.example.org/feed"), null, null, "en", null, "Wire", null, null, null);

    private RevisionContent normalize(Item item, String feedLanguage) {
        ParsedFeed feed =
                new ParsedFeed(FeedFormat.RSS, "Wire", "https://wire.example.org/", feedLanguage, List.of(item));
        return normalizer.normalize(item, feed, source).orElseThrow();
    }

    @Test
    void prefersFullContentAndKeepsTheSummaryAsTeaser() {
        Item item = Item.builder()
                .guid("g")
                .link("https://wire.example.org/a")
                .title("Title <em>x</em>")
                .summaryHtml("<p>Summary</p>")
                .contentHtml("<p>Body</p>")
                .authors(List.of("A", "B"))
                .published(Instant.EPOCH)
                .categories(List.of("Politics"))
                .images(List.of(
                        new ItemImage("https://i.example/a.jpg", "<b>Cap</b>"), new ItemImage("ftp://x/y.jpg", null)))
                .build();

        RevisionContent content = normalize(item, "en-GB");

        assertThat(content.headline()).isEqualTo("Title x");
        assertThat(content.teaser()).isEqualTo("Summary");
        assertThat(content.bodyHtml()).isEqualTo("<p>Body</p>");
        assertThat(content.byline()).isEqualTo("A, B");
        assertThat(content.language()).isEqualTo("en");
        assertThat(content.images()).containsExactly(new ItemImage("https://i.example/a.jpg", "Cap"));
    }

    @Test
    void summaryBecomesTheBodyWhenThereIsNoContent() {
        Item item = Item.builder()
                .guid("g")
                .title("T")
                .summaryHtml("<p>Only summary</p>")
                .build();

        RevisionContent content = normalize(item, null);

        assertThat(content.bodyHtml()).isEqualTo("<p>Only summary</p>");
        assertThat(content.teaser()).isNull();
        assertThat(content.language()).as("from the source configuration").isEqualTo("en");
    }

    /** A feed that sends its text twice (summary and content) gets no teaser; a different summary stays one. */
    @Test
    void aSummaryThatIsTheBodysTextIsNoTeaser() {
        String body =
                "<p>Ferry terminal <em>approved</em>.</p><ul><li>Fares &amp; times</li></ul><p>Next&nbsp;year</p>";
        String sameText = "Ferry terminal approved. Fares &amp; times Next&nbsp;year";
        assertThat(normalize(withSummary(sameText, body), null).teaser()).isNull();
        assertThat(normalize(
                                withSummary("<p>Ferry terminal approved.</p> Fares &amp; times Next&nbsp;year", body),
                                null)
                        .teaser())
                .isNull();
        assertThat(normalize(withSummary("Ferry terminal approved. Fares & times Next year!", body), null)
                        .teaser())
                .isEqualTo("Ferry terminal approved. Fares & times Next year!");
    }

    private static Item withSummary(String summaryHtml, String contentHtml) {
        return Item.builder()
                .guid("g")
                .title("T")
                .summaryHtml(summaryHtml)
                .contentHtml(contentHtml)
                .build();
    }

    @Test
    void derivesAHeadlineFromTheBodyWhenTitleIsMissing() {
        Item item = Item.builder()
                .guid("g")
                .contentHtml(
                        "<p>one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen</p>")
                .build();

        assertThat(normalize(item, null).headline())
                .isEqualTo("one two three four five six seven eight nine ten eleven twelve thirteen fourteen …");
    }

    @Test
    void itemWithoutTitleAndBodyIsSkipped() {
        Item item = Item.builder()
                .guid("g")
                .title(" ")
                .contentHtml("<script>x</script>")
                .build();
        ParsedFeed feed = new ParsedFeed(FeedFormat.RSS, null, null, null, List.of(item));

        assertThat(normalizer.normalize(item, feed, source)).isEmpty();
    }

    @Test
    void hashIgnoresSourceTimestampsButNotText() {
        Item first = Item.builder()
                .guid("g")
                .title("T")
                .contentHtml("<p>Body</p>")
                .published(Instant.EPOCH)
                .updated(Instant.EPOCH)
                .build();
        Item restamped = Item.builder()
                .guid("g")
                .title("T")
                .contentHtml("<p>Body</p>")
                .published(Instant.now())
                .updated(Instant.now())
                .build();
        Item edited = Item.builder()
                .guid("g")
                .title("T")
                .contentHtml("<p>Body.</p>")
                .published(Instant.EPOCH)
                .updated(Instant.EPOCH)
                .build();

        assertThat(normalize(first, null).contentHash())
                .isEqualTo(normalize(restamped, null).contentHash())
                .isNotEqualTo(normalize(edited, null).contentHash());
    }

    @Test
    void anOriginalAddressIsReadAsABrowserReadsIt() {
        assertThat(ArticleNormalizer.webLink(" https://quay.example.org/files/annual report 2026.pdf "))
                .isEqualTo("https://quay.example.org/files/annual%20report%202026.pdf");
        assertThat(ArticleNormalizer.webLink("https://quay.example.org/sto\nries/\tcrane"))
                .isEqualTo("https://quay.example.org/stories/crane");
        assertThat(ArticleNormalizer.webLink("HTTPS://quay.example.org/a")).isEqualTo("HTTPS://quay.example.org/a");
        assertThat(ArticleNormalizer.webLink("javascript:alert(1)")).isNull();
        assertThat(ArticleNormalizer.webLink("/relative")).isNull();
        assertThat(ArticleNormalizer.webLink(null)).isNull();
    }
}
