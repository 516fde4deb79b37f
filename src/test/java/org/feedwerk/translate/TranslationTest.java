package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationTest {
    private static final Translation EVERY_VALUE_SET = Translation.builder()
            .articleId("a1")
            .revision(3)
            .language("de")
            .sourceLanguage("en")
            .engine("deepl")
            .status(TranslationStatus.TRANSLATED)
            .headline("Sturmwarnung")
            .teaser("Böen erwartet.")
            .bodyHtml("<p>Böen bis 110 km/h.</p>")
            .charsSent(120)
            .charsReused(40)
            .billed(118)
            .translatedAt(Instant.parse("2026-11-30T08:00:00Z"))
            .postEdits(List.of("quotes"))
            .qaReport("{\"checks\":[]}")
            .build();

    @Test
    void aBuilderFromATranslationKeepsEveryValue() {
        assertThat(EVERY_VALUE_SET.toBuilder().build()).isEqualTo(EVERY_VALUE_SET);
        assertThat(EVERY_VALUE_SET).hasNoNullFieldsOrProperties();
    }

    @Test
    void changingOneValueByNameLeavesTheOthers() {
        Translation rejected =
                EVERY_VALUE_SET.toBuilder().status(TranslationStatus.REJECTED).build();

        assertThat(rejected.status()).isEqualTo(TranslationStatus.REJECTED);
        assertThat(rejected).usingRecursiveComparison().ignoringFields("status").isEqualTo(EVERY_VALUE_SET);
    }
}
