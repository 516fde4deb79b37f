package org.feedwerk.postedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.feedwerk.translate.Glossary;
import org.junit.jupiter.api.Test;

class PostEditorTest {
    private final PostEditor editor = new PostEditor("de");

    @Test
    void editsTextNodesOnlyAndRecordsTheRules() {
        String html = "<p>Das US -Außenministerium nannte es \"<em>historisch</em>\" ...</p>"
                + "<p><a href=\"https://x.example/a-b -c\" title=\"Er \'sagte\' ...\">Link</a> , sagte er</p>";

        PostEditor.Edited edited = editor.editHtml(
                html,
                "<p>The US State Department called it \"historic\" …</p>"
                        + "<p><a href=\"https://x.example/a-b\">Link</a>, he said</p>");

        assertThat(edited.text())
                .isEqualTo("<p>Das US-Außenministerium nannte es „<em>historisch</em>“ ...</p>"
                        + "<p><a href=\"https://x.example/a-b -c\" title=\"Er \'sagte\' ...\">Link</a>, sagte er</p>");
        assertThat(edited.rules()).containsExactly("german-quotes", "compound-hyphen", "space-before-punctuation");
    }

    @Test
    void goodGermanIsLeftAsItIs() {
        String good = "<p>Die Hafenbehörde genehmigte am Sonntag das Terminal – für 84,5\u00a0Millionen Euro.</p>";

        PostEditor.Edited edited = editor.editHtml(good, "<p>84.5 million euros</p>");

        assertThat(edited.text()).isEqualTo(good);
        assertThat(edited.rules()).isEmpty();
    }

    @Test
    void glossaryVersionChangesWithTheGlossarySoMemoryIsNotReused() {
        var one = new Glossary(Map.of("fund", "Fonds"), List.of("CNN"));
        var same = new Glossary(Map.of("fund", "Fonds"), List.of("CNN"));
        var other = new Glossary(Map.of("fund", "Staatsfonds"), List.of("CNN"));

        assertThat(one.version())
                .isEqualTo(same.version())
                .isNotEqualTo(other.version())
                .isNotEqualTo(Glossary.EMPTY.version());
    }

    @Test
    void otherTargetLanguagesHaveNoRulesYet() {
        assertThat(new PostEditor("fr").editPlain("Il a dit \"oui\" .", "").text())
                .isEqualTo("Il a dit \"oui\" .");
    }
}
