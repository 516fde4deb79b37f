package org.feedwerk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.EngineType;
import org.feedwerk.html.BodyStructure;
import org.feedwerk.html.MarkupSignature;
import org.feedwerk.publish.Publication;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies of every shape real feeds send, through a stand-in engine that answers with correct German (a phrase
 * book, as a real engine would translate these sentences), in the DeepL and the LibreTranslate wire formats: every
 * story is published, in German, with the source's structure and links.
 */
class BodyShapesEndToEndTest {
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("Ferry terminal approved", "Fährterminal genehmigt"),
            Map.entry(
                    "The harbour authority approved the new ferry terminal.",
                    "Die Hafenbehörde hat das neue Fährterminal genehmigt."),
            Map.entry("Construction starts in March.", "Der Bau beginnt im März."),
            Map.entry("Residents may comment until Friday.", "Anwohner können sich bis Freitag äußern."),
            Map.entry("Ferries carried more passengers.", "Die Fähren beförderten mehr Fahrgäste."),
            Map.entry("Freight volumes fell slightly.", "Das Frachtaufkommen ging leicht zurück."),
            Map.entry("Year", "Jahr"),
            Map.entry("Passengers", "Fahrgäste"),
            Map.entry("The new quay at dawn.", "Der neue Kai im Morgengrauen."),
            Map.entry("We are pleased with the decision.", "Wir freuen uns über die Entscheidung."),
            Map.entry("Opening hours: weekdays 8 to 16", "Öffnungszeiten: werktags 8 bis 16"),
            Map.entry("Timetable", "Fahrplan"),
            Map.entry("Read the", "Lesen Sie den"),
            Map.entry("full report", "vollständigen Bericht"));

    private static final List<String> BODIES = List.of(
            "The harbour authority approved the new ferry terminal.\n\nConstruction starts in March.",
            "The harbour authority approved the new ferry terminal.<br>Construction starts in March.",
            "The harbour authority approved the new ferry terminal.<p>Construction starts in March.</p>"
                    + "Residents may comment until Friday.",
            "<p>The harbour authority approved the new ferry terminal.</p>Construction starts in March.",
            "<div>The harbour authority approved the new ferry terminal.</div><div>Construction starts in March.</div>",
            "<ul><li>Ferries carried more passengers.</li><li>Freight volumes fell slightly.</li></ul>",
            "<table><tr><th>Year</th><th>Passengers</th></tr><tr><td>2025</td><td>1,240</td></tr></table>",
            "<figure><img src=\"https://harbour.example.org/quay.jpg\" alt=\"\"><figcaption>The new quay at dawn."
                    + "</figcaption></figure><p>Construction starts in March.</p>",
            "<blockquote>We are pleased with the decision.</blockquote>",
            "<pre>Opening hours: weekdays 8 to 16</pre>",
            "<section><h2>Timetable</h2><p>Read the <a href=\"https://harbour.example.org/report\">full report</a>."
                    + "</p></section>");

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    /** Each text translated as a whole from the phrase book; whitespace around it kept, as engines do. */
    static String german(String text) {
        String phrase = text.strip();
        if (phrase.isEmpty() || phrase.codePoints().noneMatch(Character::isLetter)) {
            return text;
        }
        String translated = PHRASES.get(phrase);
        if (translated == null) {
            throw new AssertionError("the phrase book has no entry for \"" + phrase + "\"");
        }
        int start = text.indexOf(phrase);
        return text.substring(0, start) + translated + text.substring(start + phrase.length());
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineType.class,
            names = {"DEEPL", "LIBRETRANSLATE"})
    void everyBodyShapeIsPublishedInGermanWithItsStructure(EngineType engine) throws IOException {
        try (SiteFixture site = new SiteFixture(
                dataDir,
                inbox,
                TestClock.system(),
                Map.of(),
                new DatabaseConfig(null, null, null),
                List.of("de"),
                engine)) {
            site.engines().translateTextWith(BodyShapesEndToEndTest::german);
            StringBuilder feed = new StringBuilder(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>H</title>"
                            + "<link>https://harbour.example.org/</link><description>d</description><language>en</language>");
            for (int index = 0; index < BODIES.size(); index++) {
                feed.append("<item><guid>shape-")
                        .append(index)
                        .append("</guid><title>Ferry terminal approved</title>")
                        .append("<description><![CDATA[")
                        .append(BODIES.get(index))
                        .append("]]></description></item>");
            }
            site.drop("shapes.xml", feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));

            List<Article> articles = site.app().articles().listArticles(new ArticleQuery(null, null, 100));
            assertThat(articles).hasSize(BODIES.size());
            for (Article article : articles) {
                assertThat(article.status())
                        .as(article.guid() + ": " + article.statusReason())
                        .isEqualTo(ArticleStatus.PUBLISHED);
                String source = site.app()
                        .articles()
                        .findRevision(article.id(), article.currentRevision())
                        .orElseThrow()
                        .content()
                        .bodyHtml();
                Publication page =
                        site.app().publications().findLatest(article.id(), "de").orElseThrow();
                assertThat(page.content().headline()).isEqualTo("Fährterminal genehmigt");
                assertThat(BodyStructure.of(page.content().bodyHtml()))
                        .as(article.guid())
                        .isEqualTo(BodyStructure.of(source));
                assertThat(MarkupSignature.of(page.content().bodyHtml())).isEqualTo(MarkupSignature.of(source));
                String text = ArticleHtml.plainText(page.content().bodyHtml());
                PHRASES.keySet().stream()
                        .filter(english -> english.length() > 12)
                        .forEach(english ->
                                assertThat(text).as("no English left").doesNotContain(english));
            }
            assertThat(body(site, "shape-1"))
                    .isEqualTo("Die Hafenbehörde hat das neue Fährterminal genehmigt.<br />Der Bau beginnt im März.");
            assertThat(body(site, "shape-2"))
                    .isEqualTo("Die Hafenbehörde hat das neue Fährterminal genehmigt."
                            + "<p>Der Bau beginnt im März.</p>Anwohner können sich bis Freitag äußern.");
            assertThat(body(site, "shape-0"))
                    .isEqualTo(
                            "<p>Die Hafenbehörde hat das neue Fährterminal genehmigt.</p><p>Der Bau beginnt im März.</p>");
            assertThat(site.app().verify().problems()).as("proof chain").isEmpty();
            assertThat(body(site, "shape-10"))
                    .contains("Lesen Sie den <a href=\"https://harbour.example.org/report\">"
                            + "vollständigen Bericht</a>.");
        }
    }

    private static String body(SiteFixture site, String guid) {
        Article article = site.app().articles().listArticles(new ArticleQuery(null, null, 100)).stream()
                .filter(candidate -> candidate.guid().equals(guid))
                .findFirst()
                .orElseThrow();
        return site.app()
                .publications()
                .findLatest(article.id(), "de")
                .orElseThrow()
                .content()
                .bodyHtml();
    }
}
