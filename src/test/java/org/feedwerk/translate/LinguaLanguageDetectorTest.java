package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.feedwerk.config.ConfigException;
import org.junit.jupiter.api.Test;

class LinguaLanguageDetectorTest {
    @Test
    void recognizesConfidentlyAndStaysSilentOnShortText() {
        LinguaLanguageDetector detector = new LinguaLanguageDetector(List.of("en", "de", "fr"));

        assertThat(detector.detect("Die Hafenbehörde hat am Sonntag das neue Fährterminal am Nordkai genehmigt."))
                .contains("de");
        assertThat(detector.detect("The port authority approved the new ferry terminal on the north quay on Sunday."))
                .contains("en");
        assertThat(detector.detect("Ok.")).isEmpty();
    }

    @Test
    void unknownOrTooFewLanguagesStopStartUp() {
        assertThatThrownBy(() -> new LinguaLanguageDetector(List.of("en", "xx")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'xx'");
        assertThatThrownBy(() -> new LinguaLanguageDetector(List.of("en")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least two");
    }
}
