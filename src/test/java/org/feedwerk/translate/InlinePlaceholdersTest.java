package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.feedwerk.html.MarkupSignature;
import org.junit.jupiter.api.Test;

class InlinePlaceholdersTest {
    private static final String HTML =
            "Read <a href=\"https://w.example/?a=1&amp;b=2\">the <em>full</em> report</a>" + "<br> now &lt;today&gt;";

    @Test
    void protectsTagsAsNumberedTokens() {
        assertThat(InlinePlaceholders.protect(HTML).text())
                .isEqualTo("Read ⟦1⟧the ⟦2⟧full⟦/2⟧ report⟦/1⟧⟦3/⟧ now <today>");
    }

    @Test
    void restoresTagsAndEscapesText() {
        InlinePlaceholders placeholders = InlinePlaceholders.protect(HTML);

        String restored = placeholders.restore("Lies ⟦1⟧den ⟦2⟧ganzen⟦/2⟧ Bericht⟦/1⟧⟦3/⟧ jetzt <heute>");

        assertThat(restored)
                .isEqualTo("Lies <a href=\"https://w.example/?a=1&amp;b=2\">den <em>ganzen</em> Bericht</a>"
                        + "<br> jetzt &lt;heute&gt;");
        assertThat(MarkupSignature.of(restored)).isEqualTo(MarkupSignature.of(HTML));
    }

    @Test
    void refusesRepliesThatLostOrRepeatedATag() {
        InlinePlaceholders placeholders = InlinePlaceholders.protect(HTML);

        assertThatThrownBy(() -> placeholders.restore("Lies den Bericht⟦3/⟧")).hasMessageContaining("lost 4");
        assertThatThrownBy(() -> placeholders.restore("⟦1⟧⟦1⟧⟦2⟧⟦/2⟧⟦/1⟧⟦3/⟧")).hasMessageContaining("repeated");
    }
}
