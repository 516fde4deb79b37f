package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedParsersTest {
    private final FeedParsers parsers = new FeedParsers();

    private ParsedFeed parse(String fixture) {
        return parse(fixture, null);
    }

    private ParsedFeed parse(String fixture, String contentType) {
        return parsers.parse(new Payload(Fixtures.bytes("parse/" + fixture), contentType, fixture), SourceFormat.AUTO);
    }

    @Test
    void readsRss2WithFullContentAuthorsCategoriesAndImages() {
        ParsedFeed feed = parse("rss2-content-encoded.xml");

        assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
        assertThat(feed.language()).isEqualTo("en-gb");
        Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("hw-1");
        assertThat(item.link()).isEqualTo("https://wire.example.org/news/ferry-terminal");
        assertThat(item.contentHtml())
                .isEqualTo("<p>The port authority approved the terminal.</p><p>It opens in 2028.</p>");
        assertThat(item.summaryHtml()).isEqualTo("Short summary of the terminal decision.");
        assertThat(item.authors()).containsExactly("Mara Keller");
        assertThat(item.categories()).containsExactly("Transport", "Infrastructure");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-29T08:15:00Z"));
        assertThat(item.images())
                .containsExactly(
                        new ItemImage("https://wire.example.org/img/terminal.jpg", null),
                        new ItemImage("https://wire.example.org/img/quay.jpg", "The north quay at dawn."));
    }

    @Test
    void itemWithoutGuidKeepsItsLinkAndDcCreator() {
        Item item = parse("rss2-content-encoded.xml").items().get(1);

        assertThat(item.guid()).isNull();
        assertThat(item.link()).isEqualTo("https://wire.example.org/news/storm");
        assertThat(item.authors()).containsExactly("Ilse Brandt");
        assertThat(item.contentHtml()).isNull();
        assertThat(item.summaryHtml()).isEqualTo("<p>Gusts of up to 110 km/h.</p>");
    }

    @Test
    void readsRss091WithDoctypeAndHtmlEntitiesWithoutLoadingTheDtd() {
        Item item = parse("rss091-doctype-html-entities.xml").items().get(0);

        assertThat(item.title()).isEqualTo("Café owners\u00a0protest new rules");
        assertThat(item.summaryHtml())
                .as("RSS 0.91 descriptions are plain text")
                .isEqualTo("<p>Owners say the rules cost £300 a month.</p>");
    }

    @Test
    void readsRss10Rdf() {
        ParsedFeed feed = parse("rss10-rdf.xml");

        Item item = feed.items().get(0);
        assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
        assertThat(item.guid()).isEqualTo("https://rdf.example.org/a1");
        assertThat(item.authors()).containsExactly("Jonas Berg");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(item.contentHtml()).contains("23 votes to 12");
    }

    @Test
    void readsAtomWithXhtmlAndTextContent() {
        ParsedFeed feed = parse("atom-xhtml-content.xml");

        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM);
        Item first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("tag:atom.example.org,2026:entry-7");
        assertThat(first.title()).isEqualTo("Museum <em>reopens</em>");
        assertThat(first.link()).isEqualTo("https://atom.example.org/museum");
        assertThat(first.contentHtml()).contains("<strong>Saturday</strong>").contains("href=\"/lenses\"");
        assertThat(first.summaryHtml()).isEqualTo("The lighthouse museum opens again.");
        assertThat(first.updated()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
        assertThat(first.authors()).containsExactly("Tomas Lind");
        Item second = feed.items().get(1);
        assertThat(second.contentHtml()).isEqualTo("<p>First paragraph &amp; more.</p><p>Second paragraph.</p>");
    }

    @Test
    void readsJsonFeed11() {
        ParsedFeed feed = parse("jsonfeed-1.1.json");

        assertThat(feed.format()).isEqualTo(FeedFormat.JSON_FEED);
        assertThat(feed.language()).isEqualTo("en-US");
        Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("jw-100");
        assertThat(item.contentHtml()).isEqualTo("<p>The bridge reopened on Friday.</p>");
        assertThat(item.summaryHtml()).isEqualTo("<p>Traffic flows again.</p>");
        assertThat(item.authors()).containsExactly("Ada Norr", "Per Holm");
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-27T07:30:00Z"));
        assertThat(item.images())
                .extracting(ItemImage::url)
                .containsExactly("https://json.example.org/bridge.jpg", "https://json.example.org/map.png");
        Item textOnly = feed.items().get(1);
        assertThat(textOnly.contentHtml()).isEqualTo("<p>Line one.</p><p>Line &lt;two&gt;.</p>");
        assertThat(textOnly.published()).as("a bad date is dropped, not fatal").isNull();
    }

    @Test
    void readsJsonFeed10WithNumericIdAndSingleAuthor() {
        Item item = parse("jsonfeed-1.0-numeric-id.json").items().get(0);

        assertThat(item.guid()).isEqualTo("42");
        assertThat(item.authors()).containsExactly("Lone Author");
    }

    static Stream<Arguments> charsets() {
        return Stream.of(
                Arguments.of(
                        "ISO-8859-1 declared, windows-1252 bytes",
                        "rss-iso-8859-1-declared.xml",
                        null,
                        "März: “Quoted” €5"),
                Arguments.of("UTF-8 with byte order mark", "rss-utf8-bom.xml", null, "Grüße aus Köln"),
                Arguments.of(
                        "charset from the HTTP header only",
                        "rss-charset-from-header.xml",
                        "application/rss+xml; charset=ISO-8859-15",
                        "Straße"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charsets")
    void settlesTheCharset(String name, String fixture, String contentType, String expectedTitle) {
        assertThat(parse(fixture, contentType).items().get(0).title()).isEqualTo(expectedTitle);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("external entity (XXE)", "rss-xxe.xml", "declares XML entities"),
                Arguments.of("entity expansion (billion laughs)", "rss-billion-laughs.xml", "declares XML entities"),
                Arguments.of("truncated document", "rss-truncated.xml", "malformed XML"),
                Arguments.of("HTML page instead of a feed", "not-a-feed.html", "HTML page"),
                Arguments.of("JSON without JSON Feed version", "jsonfeed-no-version.json", "not a JSON Feed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsBrokenAndHostileDocumentsWithAReason(String name, String fixture, String reason) {
        assertThatThrownBy(() -> parse(fixture))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void explicitFormatThatDoesNotMatchIsAClearError() {
        Payload atom = new Payload(Fixtures.bytes("parse/atom-xhtml-content.xml"), null, "atom");

        assertThatThrownBy(() -> parsers.parse(atom, SourceFormat.RSS))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected RSS");
    }

    @Test
    void anHtmlPageIsNamedByItsTitleAndTheFeedsItLinksToAreOffered() {
        String home = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Harbour Times – local news</title>
                <link rel="stylesheet" href="/site.css">
                <link rel="alternate" type="application/rss+xml" title="All stories" href="/feeds/all.rss">
                <link rel="Alternate" type="Application/Atom+XML" href="https://cdn.example.org/atom.xml">
                <link rel="alternate" hreflang="de" href="/de/">
                </head><body><h1>Harbour Times</h1></body></html>""";
        String botCheck = """
                <!DOCTYPE html><!-- served by the edge -->
                <html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript</noscript>
                </body></html>""";

        assertThatThrownBy(() -> parsers.parse(
                        new Payload(home.getBytes(StandardCharsets.UTF_8), "text/html", "https://news.example.org/"),
                        SourceFormat.AUTO))
                .isInstanceOf(ParseException.class)
                .hasMessage(
                        "the document is an HTML page (\"Harbour Times – local news\"), not a feed; the page names its"
                                + " feeds at https://news.example.org/feeds/all.rss, https://cdn.example.org/atom.xml: set the"
                                + " source's url to one of them");
        assertThatThrownBy(() -> parsers.parse(
                        new Payload(
                                botCheck.getBytes(StandardCharsets.UTF_8), "text/html", "https://news.example.org/"),
                        SourceFormat.AUTO))
                .isInstanceOf(ParseException.class)
                .hasMessage("the document is an HTML page (\"Just a moment...\"), not a feed");
    }

    @Test
    void aPagedFeedNamesItsNextPageAbsolutelyInAtomRssAndJsonFeed() {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
                <updated>2026-11-30T09:00:00Z</updated>
                <link rel="self" href="https://p.example.org/atom"/>
                <link rel="next" href="/atom?page=2"/>
                <entry><title>One</title><id>urn:t:1</id><updated>2026-11-30T09:00:00Z</updated>
                <link rel="next" href="https://p.example.org/not-the-feeds"/><summary>x</summary></entry></feed>""";
        String rss = """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
                <link>https://p.example.org/</link><atom:link rel="next" href="https://p.example.org/rss/2"/>
                <item><title>One</title><guid>1</guid></item></channel></rss>""";
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "t", "next_url": "feed-2.json",
                 "items": [{"id": "1", "content_text": "x"}]}""";
        String unpaged = """
                <rss version="2.0"><channel><title>t</title><link>https://p.example.org/</link>
                <item><title>One</title><guid>1</guid></item></channel></rss>""";

        assertThat(next(atom, "https://p.example.org/atom")).isEqualTo("https://p.example.org/atom?page=2");
        assertThat(next(rss, "https://p.example.org/rss")).isEqualTo("https://p.example.org/rss/2");
        assertThat(next(json, "https://p.example.org/feed.json")).isEqualTo("https://p.example.org/feed-2.json");
        assertThat(next(unpaged, "https://p.example.org/rss")).isNull();
    }

    private String next(String document, String origin) {
        return parsers.parse(new Payload(document.getBytes(StandardCharsets.UTF_8), null, origin), SourceFormat.AUTO)
                .nextPage();
    }

    @Test
    void anRssItemIsReadFromAtomDublinCoreAndBothSpellingsOfTheItunesNamespace() {
        String feed = """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:itunes="http://www.itunes.com/DTDs/PodCast-1.0.dtd"><channel><title>t</title>
                <link>https://m.example.org/</link>
                <item><title>Mixed</title><guid>m-1</guid>
                <atom:content type="html">&lt;p&gt;Locks open at &lt;b&gt;six&lt;/b&gt;.&lt;/p&gt;</atom:content>
                <atom:published>2026-11-30T08:00:00Z</atom:published><atom:updated>2026-11-30T09:30:00Z</atom:updated>
                <atom:author><atom:name>Ida Berg</atom:name></atom:author>
                <atom:category term="harbour" label="Harbour"/><dc:subject>Shipping</dc:subject></item>
                <item><title>Podcast</title><guid>m-2</guid><itunes:summary>Twenty minutes on tides.</itunes:summary>
                <itunes:author>Tom Weller</itunes:author><itunes:image href="https://m.example.org/cover.jpg"/></item>
                <item><title>Byline</title><guid>m-3</guid><description>x</description>
                <author>Nora Lind (nora@m.example.org)</author></item>
                <item><title>Xhtml</title><guid>m-4</guid><atom:content type="xhtml">
                <div xmlns="http://www.w3.org/1999/xhtml"><p>Quay <em>closed</em>.</p></div></atom:content></item>
                </channel></rss>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "mixed"), SourceFormat.AUTO)
                .items();

        assertThat(items.get(0).contentHtml()).isEqualTo("<p>Locks open at <b>six</b>.</p>");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(items.get(0).updated()).isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
        assertThat(items.get(0).authors()).containsExactly("Ida Berg");
        assertThat(items.get(0).categories()).containsExactlyInAnyOrder("Harbour", "Shipping");
        assertThat(items.get(1).summaryHtml()).contains("Twenty minutes on tides.");
        assertThat(items.get(1).authors()).containsExactly("Tom Weller");
        assertThat(items.get(1).images()).extracting(ItemImage::url).containsExactly("https://m.example.org/cover.jpg");
        assertThat(items.get(2).authors()).as("no e-mail address in a byline").containsExactly("Nora Lind");
        assertThat(items.get(3).contentHtml())
                .contains("<p>Quay <em>closed</em>.</p>")
                .doesNotContain("xmlns");
    }

    @Test
    void anAtomCategoryIsNamedByItsLabelWhereItHasOne() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
                <entry><id>urn:t:1</id><title>One</title><updated>2026-11-30T09:00:00Z</updated><summary>x</summary>
                <category term="mar-traffic" label="Maritime traffic"/><category term="weather"/></entry></feed>""";

        var item = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "labels"), SourceFormat.AUTO)
                .items()
                .get(0);

        assertThat(item.categories()).containsExactly("Maritime traffic", "weather");
    }

    @Test
    void mediaGroupsGiveTheirDefaultPictureOnceWithTheGroupsCaption() {
        String feed = """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><title>Sizes</title><link>https://m.example.org/1</link><description>x</description>
                <media:group><media:title>Lighthouse at dusk</media:title>
                <media:content url="https://m.example.org/small.jpg" medium="image" width="320"/>
                <media:content url="https://m.example.org/large.jpg" medium="image" width="1280" isDefault="true"/>
                <media:thumbnail url="https://m.example.org/thumb.jpg"/></media:group></item>
                <item><title>Video</title><link>https://m.example.org/2</link><description>x</description>
                <media:group><media:content url="https://m.example.org/v.mp4" type="video/mp4"/>
                <media:thumbnail url="https://m.example.org/still.jpg"/></media:group></item>
                </channel></rss>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "groups"), SourceFormat.AUTO)
                .items();

        assertThat(items.get(0).images())
                .containsExactly(new ItemImage("https://m.example.org/large.jpg", "Lighthouse at dusk"));
        assertThat(items.get(1).images())
                .as("a video's still picture")
                .containsExactly(new ItemImage("https://m.example.org/still.jpg", null));
    }

    @Test
    void mediaContentIsAPictureByItsMediumItsTypeInAnyCaseOrLackingBothItsFileName() {
        String feed = """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <item><title>Bare</title><link>https://m.example.org/1</link><description>x</description>
                <media:content url="https://m.example.org/harbour.JPG?w=800"/></item>
                <item><title>Upper-case type</title><link>https://m.example.org/2</link><description>x</description>
                <media:content url="https://m.example.org/render?id=7" type="Image/JPEG"/></item>
                <item><title>Medium</title><link>https://m.example.org/3</link><description>x</description>
                <media:content url="https://m.example.org/pic/9" medium="Image"/></item>
                <item><title>Video still by name</title><link>https://m.example.org/4</link><description>x</description>
                <media:content url="https://m.example.org/clip.jpg" medium="video"/></item>
                <item><title>Audio</title><link>https://m.example.org/5</link><description>x</description>
                <media:content url="https://m.example.org/talk.mp3"/>
                <media:content url="  "/></item>
                </channel></rss>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "media"), SourceFormat.AUTO)
                .items();

        assertThat(items)
                .extracting(item -> item.images().stream().map(ItemImage::url).toList())
                .containsExactly(
                        List.of("https://m.example.org/harbour.JPG?w=800"),
                        List.of("https://m.example.org/render?id=7"),
                        List.of("https://m.example.org/pic/9"),
                        List.of(),
                        List.of());
    }

    @Test
    void anAtomTextTitleKeepsWhatLooksLikeATagAndAnHtmlTitleIsHtml() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
                <updated>2026-11-30T09:00:00Z</updated>
                <entry><title>Use &lt;b&gt; for bold</title><id>urn:t:1</id><updated>2026-11-30T09:00:00Z</updated>
                <summary>One.</summary></entry>
                <entry><title type="text">Caf&amp;eacute; &amp; bar</title><id>urn:t:2</id>
                <updated>2026-11-30T09:00:00Z</updated><summary>Two.</summary></entry>
                <entry><title type="html">A &lt;em&gt;bold&lt;/em&gt; move</title><id>urn:t:3</id>
                <updated>2026-11-30T09:00:00Z</updated><summary>Three.</summary></entry>
                </feed>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "titles"), SourceFormat.AUTO)
                .items();

        assertThat(items)
                .extracting(item -> ArticleHtml.plainText(item.title()))
                .containsExactly("Use <b> for bold", "Café & bar", "A bold move");
    }

    @Test
    void anAtom03TitleSaysItsTypeAsAMimeType() {
        String feed = """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
                <entry><title type="text/html" mode="escaped">A &lt;em&gt;bold&lt;/em&gt; move</title><id>urn:t:1</id>
                <link rel="alternate" type="text/html" href="https://t.example.org/1"/></entry>
                <entry><title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">An
                <b>inline</b> title</div></title><id>urn:t:2</id>
                <link rel="alternate" type="text/html" href="https://t.example.org/2"/></entry>
                <entry><title>Use &lt;b&gt; for bold</title><id>urn:t:3</id>
                <link rel="alternate" type="text/html" href="https://t.example.org/3"/></entry>
                </feed>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "titles"), SourceFormat.AUTO)
                .items();

        assertThat(items)
                .extracting(item -> ArticleHtml.plainText(item.title()))
                .containsExactly("A bold move", "An inline title", "Use <b> for bold");
    }

    @Test
    void anItemsTextAndDatesAreFoundWhereFeedsPutThemBesideTheStandardElements() {
        var items = parsers.parse(
                        new Payload(Fixtures.bytes("realworld/wellformed/rss2-summary-elsewhere.xml"), null, "r"),
                        SourceFormat.AUTO)
                .items();

        assertThat(items.get(0).summaryHtml()).contains("berth fees");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2026-11-30T15:00:00.250Z"));
        assertThat(items.get(0).updated()).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
        assertThat(items.get(1).summaryHtml())
                .isEqualTo("<p>Two lock keepers talk about forty years of ships.</p>"
                        + "<p>Recorded at the east lock in November.</p>");
        assertThat(items.get(1).authors()).containsExactly("Ana Lind");
        assertThat(items.get(2).summaryHtml())
                .isEqualTo("<p>The crane lifts its first containers off a feeder ship.</p>");
        assertThat(items.get(2).images())
                .as("the text is not repeated as the picture's caption")
                .containsExactly(new ItemImage("https://radio.example.org/video/crane.jpg", "The new crane at work"));
    }

    @Test
    void anRssItemsAddressIsThePublishersOwnAndItsKeyStaysItsLink() {
        String feed = """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>t</title>
                <item><title>Through FeedBurner</title><link>https://feeds.example.net/~r/quay/~3/x1/</link>
                <feedburner:origLink> https://quay.example.org/stories/crane </feedburner:origLink></item>
                <item><title>Only an Atom link</title><guid isPermaLink="false">q-2</guid>
                <atom:link rel="enclosure" href="https://quay.example.org/a.mp3"/>
                <atom:link rel="alternate" type="text/html" href="https://quay.example.org/stories/pier"/></item>
                <item><title>Both</title><link>https://quay.example.org/stories/lock</link>
                <atom:link href="https://elsewhere.example.org/lock"/></item>
                </channel></rss>""";

        var items = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "links"), SourceFormat.AUTO)
                .items();

        assertThat(items)
                .extracting(Item::url)
                .containsExactly(
                        "https://quay.example.org/stories/crane",
                        "https://quay.example.org/stories/pier",
                        "https://quay.example.org/stories/lock");
        assertThat(items)
                .extracting(Item::link)
                .as("the key is what the feed wrote as the link")
                .containsExactly(
                        "https://feeds.example.net/~r/quay/~3/x1/", null, "https://quay.example.org/stories/lock");
    }

    @Test
    void anEnclosureWithoutAUsableTypeIsAPictureByItsFileName() {
        String feed = """
                <rss version="2.0"><channel><title>t</title><item><title>Pictures</title><guid>p1</guid>
                <enclosure url="https://p.example.org/a.JPG" length="0"/>
                <enclosure url="https://p.example.org/b.png?w=800" type="application/octet-stream" length="0"/>
                <enclosure url="https://p.example.org/c.webp" type=" Image/WebP " length="0"/>
                <enclosure url="https://p.example.org/episode.mp3" length="0"/>
                <enclosure url="https://p.example.org/d.jpg.mp3" length="0"/>
                <enclosure url="https://p.example.org/e.jpg" type="audio/mpeg" length="0"/>
                </item></channel></rss>""";

        var item = parsers.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), null, "p"), SourceFormat.AUTO)
                .items()
                .get(0);

        assertThat(item.images())
                .extracting(ItemImage::url)
                .containsExactly(
                        "https://p.example.org/a.JPG",
                        "https://p.example.org/b.png?w=800",
                        "https://p.example.org/c.webp");
    }

    @Test
    void jsonFeedAndNinjsTitlesArePlainText() {
        String jsonFeed = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                + "\"title\":\"Why <div> soup breaks pages\",\"content_text\":\"Text.\"}]}";
        String ninjs = "{\"uri\":\"urn:n:1\",\"type\":\"text\",\"headline\":\"Index < 100 again\","
                + "\"body_text\":\"Text.\"}";

        assertThat(List.of(jsonFeed, ninjs).stream()
                        .map(document -> parsers.parse(
                                        new Payload(
                                                document.getBytes(StandardCharsets.UTF_8), "application/json", "json"),
                                        SourceFormat.AUTO)
                                .items()
                                .get(0))
                        .map(item -> ArticleHtml.plainText(item.title())))
                .containsExactly("Why <div> soup breaks pages", "Index < 100 again");
    }
}
