package org.feedwerk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleKeys;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.testing.Fixtures;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a wire service's drop folder to the published, corrected, withheld, republished and canceled page. */
class WireEndToEndTest {
    private static final String TOKEN = "t";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY =
            ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:20261129:hw-1001");

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site;

    @BeforeEach
    void open() {
        site = new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T12:30:00Z")),
                Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN),
                new DatabaseConfig(null, null, null));
    }

    @AfterEach
    void close() {
        site.close();
    }

    private void drop(String fixture) throws Exception {
        site.drop(fixture, Fixtures.bytes("wire/" + fixture));
    }

    private Article story() {
        return site.app().articles().findArticle(STORY).orElseThrow();
    }

    private String pagePath(String id) throws Exception {
        JsonNode article =
                JSON.readTree(site.getWithToken("/api/articles/" + id, TOKEN).body());
        return article.get("url").asText();
    }

    @Test
    void storyLivesThroughVersionsCorrectionWithholdingAndCancellation() throws Exception {
        drop("newsml-v1-usable.xml");
        String path = pagePath(STORY);
        JsonNode detail =
                JSON.readTree(site.getWithToken("/api/articles/" + STORY, TOKEN).body());
        assertThat(detail.get("slugline").asText()).isEqualTo("PORT-TERMINAL");
        assertThat(detail.get("urgency").asInt()).isEqualTo(4);
        String first = site.get(path).body();
        assertThat(first)
                .contains("IT OPENS IN 2028.")
                .contains("LINDHOLM, Nov 29")
                .doesNotContain("id=\"correction\"")
                .contains("© Harbour Wire. Licensed to subscribers")
                .doesNotContain("xmlns");

        drop("newsml-v2-correction.xml");
        String corrected = site.get(path).body();
        assertThat(corrected)
                .contains("IT OPENS IN 2029, NOT 2028 AS REPORTED EARLIER.")
                .contains("id=\"correction\"")
                .contains("Fassung 2");

        site.drop("late-copy-of-v1.xml", Fixtures.bytes("wire/newsml-v1-usable.xml"));
        assertThat(story().currentRevision())
                .as("an older version never rolls the story back")
                .isEqualTo(2);

        drop("newsml-v3-withheld.xml");
        assertThat(story().status()).isEqualTo(ArticleStatus.WITHHELD);
        assertThat(site.get(path).statusCode()).isEqualTo(404);
        assertThat(site.get(path).body()).contains("Vorübergehend nicht verfügbar");
        assertThat(site.get("/").body()).doesNotContain(path);
        assertThat(site.get("/feed.xml").body()).doesNotContain(STORY);
        assertThat(site.get("/search?q=terminal").body()).doesNotContain(path);

        drop("newsml-v4-usable.xml");
        assertThat(story().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(site.get(path).body())
                .contains("CONSTRUCTION STARTS IN SPRING.")
                .doesNotContain("id=\"correction\"");
        assertThat(site.get("/search?q=terminal").body()).contains(path);

        drop("newsml-v5-canceled.xml");
        assertThat(story().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(site.get(path).statusCode()).isEqualTo(410);
        assertThat(site.get(path).body()).contains("canceled by source");
        assertThat(site.get("/sitemap.xml").body()).doesNotContain(STORY);
        assertThat(site.app().publications().listAudit(STORY))
                .extracting(AuditEntry::action)
                .containsExactly("publish", "update", "withhold", "update", "withdraw");
        assertThat(site.app().verify().isIntact()).isTrue();
    }

    @Test
    void embargoedItemIsTranslatedButPublishedOnlyAfterTheEmbargo() throws Exception {
        String id = ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:20261129:hw-2002");
        drop("newsml-embargo.xml");
        assertThat(site.app().articles().findArticle(id).orElseThrow().status()).isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(site.app().publications().listPublications(id)).isEmpty();

        site.clock().advance(Duration.ofMinutes(91)); // 14:01, past the embargo of 14:00
        site.runPipeline();

        assertThat(site.app().articles().findArticle(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(site.get(pagePath(id)).body()).contains("BUDGET FIGURES RELEASED");
    }

    @Test
    void manyEmbargoedArticlesDoNotHoldBackOneThatMayBePublished() throws Exception {
        site.app().ingestOnce(site.app().config().sources()); // nothing yet
        deliver("plain.xml", newsMessage(1, null));
        while (site.app().newTranslationWorker().translateNext()) {
            // translated, not published yet
        }
        site.clock().advance(Duration.ofSeconds(5));
        deliver("embargoed.xml", newsMessage(105, "2026-11-30T06:00:00Z")); // more than a publishing round looks at
        site.runPipeline();

        String plain = ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:bulk-0");
        assertThat(site.app().articles().findArticle(plain).orElseThrow().status())
                .isEqualTo(ArticleStatus.PUBLISHED);
        String waiting = ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:bulk-104");
        assertThat(site.app().articles().findArticle(waiting).orElseThrow().status())
                .isEqualTo(ArticleStatus.TRANSLATED);
    }

    private void deliver(String name, String content) throws Exception {
        Path path = inbox.resolve(name);
        Files.writeString(path, content);
        Files.setLastModifiedTime(path, FileTime.from(site.clock().instant().minusSeconds(30)));
        site.app().ingestOnce(site.app().config().sources());
    }

    /** A newsMessage of {@code count} short items (numbered from 0, or from 1 when embargoed). */
    private static String newsMessage(int count, String embargoed) {
        StringBuilder items = new StringBuilder();
        for (int index = embargoed == null ? 0 : 1; index < count; index++) {
            items.append("""
                    <newsItem guid="urn:newsml:harbour-wire.example:bulk-%d" version="1" standard="NewsML-G2">
                      <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-11-29T09:00:00Z</versionCreated>
                      %s<pubStatus qcode="stat:usable"/></itemMeta>
                      <contentMeta><headline>Ferry timetable %d</headline><language tag="en"/></contentMeta>
                      <contentSet><inlineData contenttype="text/plain">Ferry %d sails at noon.</inlineData></contentSet>
                    </newsItem>
                    """.formatted(
                            index, embargoed == null ? "" : "<embargoed>" + embargoed + "</embargoed>", index, index));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
                  <header><sent>2026-11-29T09:00:00Z</sent></header>
                  <itemSet>%s</itemSet>
                </newsMessage>""".formatted(items);
    }

    @Test
    void newsMessageWithSeveralItemsAndAMalformedFileBesideIt() throws Exception {
        var bad = site.drop("broken.xml", Fixtures.bytes("wire/newsml-malformed.xml"));
        assertThat(bad.error()).contains("broken.xml: malformed XML");

        var good = site.drop("message.xml", Fixtures.bytes("wire/newsml-message-nitf.xml"));

        assertThat(good.counts().newArticles()).isEqualTo(2);
        assertThat(good.isFailure())
                .as("the malformed file is remembered and set aside")
                .isFalse();
        String id = ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:20261129:hw-3001");
        String mate = ArticleKeys.articleId("harbour", "urn:newsml:harbour-wire.example:20261129:hw-3002");
        assertThat(site.get(pagePath(id)).body()).contains("<h2>FERRIES</h2>").doesNotContain("Zum Thema");

        site.drop("package.xml", Fixtures.bytes("wire/newsml-package.xml"));

        assertThat(site.get(pagePath(id)).body())
                .contains("Zum Thema")
                .contains("MUSEUM REOPENS")
                .contains(pagePath(mate));
        JsonNode detail =
                JSON.readTree(site.getWithToken("/api/articles/" + id, TOKEN).body());
        assertThat(detail.get("packageMates").get(0).asText()).isEqualTo(mate);
    }

    private static byte[] atom(String body) {
        return ("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:at=\"http://purl.org/atompub/tombstones/1.0\">"
                        + "<title>Harbour Atom</title><id>urn:harbour:atom</id><updated>2026-11-29T12:00:00Z</updated>"
                        + body + "</feed>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String entry(String id, String title, String updated) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>" + updated + "</updated>"
                + "<link href=\"https://harbour.example/" + id.substring(id.lastIndexOf(':') + 1) + "\"/>"
                + "<content type=\"html\">&lt;p&gt;" + title + " was reported on Sunday.&lt;/p&gt;</content></entry>";
    }

    @Test
    void anAtomTombstoneWithdrawsThePublishedEntryAndAStaleCopyCannotBringItBack() throws Exception {
        String pier = ArticleKeys.articleId("harbour", "urn:harbour:pier");
        String dock = ArticleKeys.articleId("harbour", "urn:harbour:dock");
        site.drop(
                "entries.xml",
                atom(entry("urn:harbour:pier", "Pier reopens", "2026-11-29T09:00:00Z")
                        + entry("urn:harbour:dock", "Dock closes", "2026-11-29T09:00:00Z")));
        String pierPage = pagePath(pier);
        assertThat(site.get(pierPage).statusCode()).isEqualTo(200);

        site.drop(
                "tombstones.xml",
                atom("<at:deleted-entry ref=\"urn:harbour:pier\" when=\"2026-11-29T11:00:00Z\">"
                        + "<at:comment>Story retracted</at:comment></at:deleted-entry>"
                        + "<at:deleted-entry ref=\"urn:harbour:never-seen\" when=\"2026-11-29T11:00:00Z\"/>"
                        + "<at:deleted-entry ref=\"urn:harbour:dock\" when=\"2026-11-29T08:00:00Z\"/>"
                        + entry("urn:harbour:dock", "Dock closes", "2026-11-29T10:00:00Z")));

        assertThat(site.app().articles().findArticle(pier).orElseThrow().status())
                .isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(site.get(pierPage).statusCode()).isEqualTo(410);
        assertThat(site.get(pierPage).body()).contains("canceled by source");
        assertThat(site.app().articles().findArticle(dock).orElseThrow().status())
                .as("republished after its tombstone")
                .isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(site.app().articles().findArticle(ArticleKeys.articleId("harbour", "urn:harbour:never-seen")))
                .isEmpty();

        site.drop("stale.xml", atom(entry("urn:harbour:pier", "Pier reopens, updated", "2026-11-29T10:00:00Z")));
        assertThat(site.get(pierPage).statusCode())
                .as("a copy older than the tombstone")
                .isEqualTo(410);
        assertThat(site.app().articles().findArticle(pier).orElseThrow().currentRevision())
                .isEqualTo(2);
        assertThat(site.app().verify().isIntact()).isTrue();
    }

    @Test
    void ninjsWithheldAndCanceledItemsNeverReachTheSite() throws Exception {
        drop("ninjs-2.json");

        String withheld = ArticleKeys.articleId("harbour", "urn:ninjs:harbour-wire.example:hw-5001");
        String canceled = ArticleKeys.articleId("harbour", "urn:ninjs:harbour-wire.example:hw-5002");
        assertThat(site.app().articles().findArticle(withheld).orElseThrow().status())
                .isEqualTo(ArticleStatus.WITHHELD);
        assertThat(site.app().articles().findArticle(canceled).orElseThrow().status())
                .isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(site.app().publications().listPublications(withheld)).isEmpty();
        assertThat(site.app()
                        .publications()
                        .findWithdrawal(canceled)
                        .orElseThrow()
                        .reason())
                .isEqualTo("canceled by source");
    }
}
