package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.feedwerk.parse.PubStatus;
import org.feedwerk.testing.Stories;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {
    private static Optional<TextFingerprint> fingerprint(String headline, String body) {
        return TextFingerprint.of(new RevisionContent(headline, null, "<p>" + body + "</p>", null, null, "en", null,
                null, null, PubStatus.USABLE, List.of(), List.of()));
    }

    @Test
    void smallEditsKeepMostWordGroupsAndOtherStoriesFew() {
        TextFingerprint original = fingerprint("Ferry terminal approved", Stories.FERRY_TERMINAL).orElseThrow();
        TextFingerprint edited = fingerprint("Ferry terminal approved", Stories.FERRY_TERMINAL.replace("on Sunday", "on Sunday evening")
                + " (Reporting by the Wire desk)").orElseThrow();
        TextFingerprint other = fingerprint("Ferry terminal approved", Stories.BUS_LANE).orElseThrow();

        assertThat(original.similarity(original)).isEqualTo(1.0);
        assertThat(original.similarity(edited)).isGreaterThanOrEqualTo(TextFingerprint.MIN_SIMILARITY);
        assertThat(original.similarity(other)).isLessThan(0.2);
        long sharedBands = Arrays.stream(original.bandKeys()).filter(key -> Arrays.stream(edited.bandKeys())
                .anyMatch(candidate -> candidate == key)).count();
        assertThat(sharedBands).as("found by band lookup").isPositive();
        assertThat(TextFingerprint.decode(edited.encode()).similarity(edited)).isEqualTo(1.0);
    }

    @Test
    void shortTextsGetNoFingerprint() {
        assertThat(fingerprint("Storm warning", "Gusts of up to 110 km/h.")).isEmpty();
    }
}
