package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Relative links as real feeds write them, made absolute the way feed readers do; the link as written is kept. */
class ItemLinksTest {
    private final FeedParsers parsers = new FeedParsers();

    private ParsedFeed parse(String document, String origin) {
        return parsers.parse(new Payload(document.getBytes(StandardCharsets.UTF_8), null, origin), SourceFormat.AUTO);
    }

    private static String rss(String channelLink, String itemLink) {
        return "<rss version=\"2.0\"><channel><title>t</title>"
                + (channelLink == null ? "" : "<link>" + channelLink + "</link>")
                + "<item><title>A story</title><link>" + itemLink + "</link><description>Text.</description></item>"
                + "</channel></rss>";
    }

    private String urlOf(String channelLink, String itemLink, String origin) {
        Item item = parse(rss(channelLink, itemLink), origin).items().get(0);
        assertThat(item.link())
                .as("the link as written, part of the article's key")
                .isEqualTo(itemLink);
        return item.url();
    }

    @Test
    void rssLinksResolveAgainstTheChannelLinkThenTheDocumentsAddress() {
        String fetchedFrom = "https://feeds.example.com/quay/rss.xml";
        assertThat(urlOf("https://quay.example.net/notes/", "/stories/crane", fetchedFrom))
                .isEqualTo("https://quay.example.net/stories/crane");
        assertThat(urlOf("https://quay.example.net/notes/", "crane.html", fetchedFrom))
                .isEqualTo("https://quay.example.net/notes/crane.html");
        assertThat(urlOf(null, "crane.html", fetchedFrom)).isEqualTo("https://feeds.example.com/quay/crane.html");
        assertThat(urlOf("/", "/stories/crane", fetchedFrom))
                .as("a relative channel link is resolved first")
                .isEqualTo("https://feeds.example.com/stories/crane");
        assertThat(urlOf(null, "//cdn.example.org/stories/crane", fetchedFrom))
                .isEqualTo("https://cdn.example.org/stories/crane");
    }

    @Test
    void absoluteLinksStayAsTheyAreAndOtherSchemesGetNoAddress() {
        assertThat(urlOf("https://quay.example.net/", "https://other.example.org/a?b=c#d", "https://x.example/"))
                .isEqualTo("https://other.example.org/a?b=c#d");
        assertThat(urlOf("https://quay.example.net/", "javascript:alert(1)", "https://x.example/"))
                .isNull();
        assertThat(urlOf("https://quay.example.net/", "mailto:desk@example.net", "https://x.example/"))
                .isNull();
    }

    @Test
    void aDroppedFileWithoutAnyBaseLeavesARelativeLinkWithoutAddress() {
        assertThat(urlOf(null, "/stories/crane", "drop-2026-11-30.xml")).isNull();
        assertThat(urlOf("https://quay.example.net/", "/stories/crane", "drop-2026-11-30.xml"))
                .isEqualTo("https://quay.example.net/stories/crane");
    }

    @Test
    void atomLinksResolveAgainstXmlBaseOnTheFeedAndOnTheEntry() {
        List<Item> items = parsers.parse(
                        new Payload(
                                Fixtures.bytes("realworld/wellformed/atom-relative-links-xml-base.xml"),
                                null,
                                "https://feeds.example.com/harbour.atom"),
                        SourceFormat.AUTO)
                .items();

        assertThat(items)
                .extracting(Item::url)
                .containsExactly(
                        "https://harbour.example.org/news/2026/ferry-winter.html",
                        "https://archive.harbour.example.org/stories/pier.html");
        assertThat(items).extracting(Item::link).containsExactly("2026/ferry-winter.html", "stories/pier.html");
    }

    @Test
    void atomXmlBaseThatIsItselfRelativeResolvesAgainstTheDocumentsAddress() {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"/blog/\"><title>t</title><id>urn:t</id>"
                + "<updated>2026-11-30T09:00:00Z</updated><entry xml:base=\"2026/\"><id>urn:t:1</id><title>A</title>"
                + "<updated>2026-11-30T09:00:00Z</updated><link href=\"story.html\"/><content>Text.</content></entry>"
                + "</feed>";

        assertThat(parse(feed, "https://harbour.example.org/feeds/atom.xml")
                        .items()
                        .get(0)
                        .url())
                .isEqualTo("https://harbour.example.org/blog/2026/story.html");
    }

    @Test
    void relativeImageAddressesResolveAgainstTheItemsAddress() {
        Item item = parsers.parse(
                        new Payload(
                                Fixtures.bytes("realworld/wellformed/rss2-relative-links.xml"),
                                null,
                                "https://feeds.example.com/quay.xml"),
                        SourceFormat.AUTO)
                .items()
                .get(0);

        assertThat(item.url()).isEqualTo("https://quay.example.net/stories/north-crane");
        assertThat(item.images())
                .extracting(ItemImage::url)
                .containsExactly("https://quay.example.net/media/crane.jpg");
    }

    @Test
    void jsonFeedItemUrlsResolveAgainstTheHomePage() {
        String feed = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\","
                + "\"home_page_url\":\"https://quay.example.net/\",\"items\":[{\"id\":\"1\",\"url\":\"/notes/1\","
                + "\"title\":\"A note\",\"content_text\":\"Text.\"}]}";

        assertThat(parse(feed, "https://quay.example.net/feed.json")
                        .items()
                        .get(0)
                        .url())
                .isEqualTo("https://quay.example.net/notes/1");
    }

    @Test
    void anAtomEntryIsAtItsWebPageOrAtItsIdWhenThatIsAnAddress() {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id>"
                + "<updated>2026-11-30T09:00:00Z</updated>"
                + "<entry><title>Self only</title><id>https://l.example.org/posts/1</id>"
                + "<updated>2026-11-30T09:00:00Z</updated><link rel=\"self\" href=\"https://l.example.org/api/1\"/>"
                + "<summary>One.</summary></entry>"
                + "<entry><title>Two alternates</title><id>urn:t:2</id><updated>2026-11-30T09:00:00Z</updated>"
                + "<link rel=\"alternate\" type=\"application/pdf\" href=\"https://l.example.org/2.pdf\"/>"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"https://l.example.org/2.html\"/>"
                + "<summary>Two.</summary></entry>"
                + "<entry><title>Tag id</title><id>tag:l.example.org,2026:3</id><updated>2026-11-30T09:00:00Z</updated>"
                + "<summary>Three.</summary></entry></feed>";

        List<Item> items = parse(feed, "https://l.example.org/atom.xml").items();

        assertThat(items)
                .extracting(Item::url)
                .containsExactly("https://l.example.org/posts/1", "https://l.example.org/2.html", null);
        assertThat(items.get(1).link())
                .as("the key's link is Rome's, as before")
                .isEqualTo("https://l.example.org/2.pdf");
    }
}
