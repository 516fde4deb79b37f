package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.feedwerk.testing.PseudoTranslation;
import org.junit.jupiter.api.Test;

class HtmlSegmentsTest {
    private static final String BODY = "<h2>Section</h2><p>First <a href=\"https://w.example/a\">link</a> and "
            + "<em>nested <strong>tags</strong></em> &amp; entities.</p><ul><li>One</li><li><p>Two</p></li></ul>"
            + "<blockquote><p>Quoted.</p></blockquote><figure><img src=\"https://w.example/i.jpg\" alt=\"i\">"
            + "<figcaption>Caption</figcaption></figure><p>2028</p>"
            + "<table><tbody><tr><th>Head</th><td>Cell</td></tr></tbody></table>";

    @Test
    void splitsIntoLeafBlocksWithInlineMarkup() {
        assertThat(HtmlSegments.of(BODY).texts()).containsExactly(
                "Section",
                "First <a href=\"https://w.example/a\">link</a> and <em>nested <strong>tags</strong></em> &amp; entities.",
                "One", "Two", "Quoted.", "Caption", "Head", "Cell");
    }

    @Test
    void roundTripKeepsStructureLinksAndEntities() {
        HtmlSegments segments = HtmlSegments.of(BODY);

        String assembled = segments.assemble(segments.texts().stream().map(PseudoTranslation::html).toList());

        assertThat(HtmlSegments.blockStructure(assembled)).isEqualTo(HtmlSegments.blockStructure(BODY));
        assertThat(MarkupSignature.of(assembled)).isEqualTo(MarkupSignature.of(BODY));
        assertThat(assembled).contains("FIRST <a href=\"https://w.example/a\">LINK</a> AND <em>NESTED "
                + "<strong>TAGS</strong></em> &amp; ENTITIES.").contains("<p>2028</p>");
    }

    @Test
    void identityAssemblyReproducesTheBody() {
        HtmlSegments segments = HtmlSegments.of(BODY);

        assertThat(segments.assemble(segments.texts())).isEqualTo(BODY);
    }

    @Test
    void looseTextIsWrappedIntoParagraphs() {
        assertThat(HtmlSegments.of("Loose <b>text</b><p>Para</p>tail").texts())
                .containsExactly("Loose <b>text</b>", "Para", "tail");
    }

    @Test
    void wrongNumberOfTranslationsIsRefused() {
        assertThatThrownBy(() -> HtmlSegments.of(BODY).assemble(List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
