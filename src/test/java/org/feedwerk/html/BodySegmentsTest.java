package org.feedwerk.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.testing.PseudoTranslation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodySegmentsTest {
    private static final String BODY = "<h2>Section</h2><p>First <a href=\"https://w.example/a\">link</a> and "
            + "<em>nested <strong>tags</strong></em> &amp; entities.</p><ul><li>One</li><li><p>Two</p></li></ul>"
            + "<blockquote><p>Quoted.</p></blockquote><figure><img src=\"https://w.example/i.jpg\" alt=\"i\">"
            + "<figcaption>Caption</figcaption></figure><p>2028</p>"
            + "<table><tbody><tr><th>Head</th><td>Cell</td></tr></tbody></table>";

    @Test
    void splitsIntoTextRunsWithInlineMarkup() {
        assertThat(BodySegments.of(BODY).texts())
                .containsExactly(
                        "Section",
                        "First <a href=\"https://w.example/a\">link</a> and <em>nested <strong>tags</strong></em> &amp; entities.",
                        "One",
                        "Two",
                        "Quoted.",
                        "Caption",
                        "Head",
                        "Cell");
    }

    @Test
    void roundTripKeepsStructureLinksAndEntities() {
        BodySegments segments = BodySegments.of(BODY);

        String assembled = segments.assemble(
                segments.texts().stream().map(PseudoTranslation::html).toList());

        assertThat(BodyStructure.of(assembled)).isEqualTo(BodyStructure.of(BODY));
        assertThat(MarkupSignature.of(assembled)).isEqualTo(MarkupSignature.of(BODY));
        assertThat(assembled)
                .contains("FIRST <a href=\"https://w.example/a\">LINK</a> AND <em>NESTED "
                        + "<strong>TAGS</strong></em> &amp; ENTITIES.")
                .contains("<p>2028</p>");
    }

    @Test
    void identityAssemblyReproducesTheBody() {
        BodySegments segments = BodySegments.of(BODY);

        assertThat(segments.assemble(segments.texts())).isEqualTo(BODY);
    }

    @Test
    void looseTextIsASegmentInPlaceWithoutAWrapper() {
        BodySegments segments = BodySegments.of("Loose <b>text</b><p>Para</p>tail");

        assertThat(segments.texts()).containsExactly("Loose <b>text</b>", "Para", "tail");
        assertThat(segments.assemble(List.of("Lose <b>Text</b>", "Absatz", "Ende")))
                .isEqualTo("Lose <b>Text</b><p>Absatz</p>Ende");
    }

    @Test
    void lineBreaksSeparateSegmentsAndStayWhereTheyWere() {
        BodySegments segments = BodySegments.of("First line.<br />Second line.<br /><br />\nThird line.");

        assertThat(segments.texts()).containsExactly("First line.", "Second line.", "Third line.");
        assertThat(segments.assemble(List.of("Erste Zeile.", "Zweite Zeile.", "Dritte Zeile.")))
                .isEqualTo("Erste Zeile.<br>Zweite Zeile.<br><br>\nDritte Zeile.");
    }

    @Test
    void whitespaceAroundARunIsKeptOutsideTheSegment() {
        BodySegments segments = BodySegments.of("<div>\n  Text in a div.\n</div>");

        assertThat(segments.texts()).containsExactly("Text in a div.");
        assertThat(segments.assemble(List.of("Text in einem Div."))).isEqualTo("<div>\n  Text in einem Div.\n</div>");
    }

    @Test
    void aLinkAroundBlocksIsStructureAndItsParagraphsAreSegments() {
        String body = "<a href=\"https://w.example/more\"><p>Read more</p><p>and more</p></a>";

        assertThat(BodySegments.of(body).texts()).containsExactly("Read more", "and more");
        assertThat(BodyStructure.of(body)).containsExactly("a", "p", "#text", "p", "#text");
    }

    @Test
    void runsWithoutLettersAreNotSegments() {
        assertThat(BodySegments.of("<p>2028</p><figure><img src=\"https://w.example/i.jpg\"></figure>")
                        .texts())
                .isEmpty();
    }

    /** Every body shape seen in real feeds: translated in place, skeleton and markup unchanged. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Plain text with no markup at all.",
                "Line one of the notice.<br>Line two of the notice.",
                "Text before a paragraph.<p>The paragraph.</p>",
                "<p>A paragraph.</p>Loose text after it.",
                "<div>Text inside a div.</div>",
                "<div><p>First.</p>Between blocks.<p>Second.</p></div>",
                "<section><h2>Heading</h2><p>Body.</p></section>",
                "<figure><img src=\"https://w.example/i.jpg\" alt=\"x\"><figcaption>A caption.</figcaption></figure>",
                "<ul><li>One item</li><li>Another <a href=\"https://w.example/\">item</a></li></ul>",
                "<table><tr><th>Year</th><td>Tonnes shipped</td></tr></table>",
                "<blockquote>Quoted words.<p>More quoted.</p></blockquote>",
                "<pre>Pre-formatted\n  text block</pre>",
                "<dl><dt>Term</dt><dd>Its meaning</dd></dl>",
                "<p>Para with<br>a break inside.</p>",
            })
    void everyShapeKeepsItsStructure(String source) {
        String sanitized = ArticleHtml.sanitize(source, null);
        BodySegments segments = BodySegments.of(sanitized);
        assertThat(segments.texts()).isNotEmpty();

        String translated = ArticleHtml.sanitize(
                segments.assemble(
                        segments.texts().stream().map(PseudoTranslation::html).toList()),
                null);

        assertThat(BodyStructure.of(translated)).isEqualTo(BodyStructure.of(sanitized));
        assertThat(MarkupSignature.of(translated)).isEqualTo(MarkupSignature.of(sanitized));
        assertThat(ArticleHtml.plainText(translated))
                .isEqualTo(ArticleHtml.plainText(sanitized).toUpperCase());
    }

    @Test
    void structureNoticesABlockAnEngineAddedOrRemoved() {
        assertThat(BodyStructure.of("<p>A</p><p>B</p>")).isNotEqualTo(BodyStructure.of("<p>A B</p>"));
        assertThat(BodyStructure.of("Text")).isNotEqualTo(BodyStructure.of("<p>Text</p>"));
        assertThat(BodyStructure.of("A<br>B")).isNotEqualTo(BodyStructure.of("A B"));
    }

    @Test
    void wrongNumberOfTranslationsIsRefused() {
        assertThatThrownBy(() -> BodySegments.of(BODY).assemble(List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
