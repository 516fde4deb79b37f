package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private final SentenceSplitter english = new SentenceSplitter("en");

    private List<String> sentences(String paragraph) {
        return english.split(paragraph).stream()
                .filter(SentenceSplitter.Part::translate)
                .map(SentenceSplitter.Part::text)
                .toList();
    }

    @Test
    void splitsAtSentenceEndsAndKeepsEveryCharacter() {
        String paragraph = "  The port opened. It cost 3.5 billion!  Was it worth it?\tNobody knows. ";
        assertThat(sentences(paragraph))
                .containsExactly("The port opened.", "It cost 3.5 billion!", "Was it worth it?", "Nobody knows.");
        StringBuilder joined = new StringBuilder();
        english.split(paragraph).forEach(part -> joined.append(part.text()));
        assertThat(joined).hasToString(paragraph);
    }

    @Test
    void titlesInitialsAndLowerCaseContinuationsDoNotEndASentence() {
        assertThat(sentences("Mr. Smith met Dr. Jones in the U.S. capital. They spoke."))
                .containsExactly("Mr. Smith met Dr. Jones in the U.S. capital.", "They spoke.");
        assertThat(sentences("\"Stop!\" she said. John F. Kennedy Airport was closed on Jan. 5. Flights resumed."))
                .containsExactly(
                        "\"Stop!\" she said.", "John F. Kennedy Airport was closed on Jan. 5.", "Flights resumed.");
    }
}
