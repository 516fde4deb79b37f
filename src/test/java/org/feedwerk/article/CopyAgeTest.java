package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.feedwerk.parse.Item;
import org.junit.jupiter.api.Test;

/** One rule says which copy of a story is older, for copies in one document and copies fetched apart. */
class CopyAgeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant MORNING = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private static Item copy(Long version, Instant published, Instant updated) {
        return Item.builder()
                .guid("g")
                .title("t")
                .version(version)
                .published(published)
                .updated(updated)
                .build();
    }

    @Test
    void theLowerVersionIsOlderWhateverTheDatesSay() {
        assertThat(CopyAge.isOlder(copy(2L, NOON, null), copy(3L, MORNING, null), NOW))
                .isTrue();
        assertThat(CopyAge.isOlder(copy(3L, MORNING, null), copy(2L, NOON, null), NOW))
                .isFalse();
    }

    @Test
    void withoutBothVersionsTheLatestOwnDateDecidesUpdateOrPublication() {
        assertThat(CopyAge.isOlder(copy(null, MORNING, null), copy(null, NOON, null), NOW))
                .as("publication times alone")
                .isTrue();
        assertThat(CopyAge.isOlder(copy(null, MORNING, MORNING), copy(null, MORNING, NOON), NOW))
                .as("update times")
                .isTrue();
        assertThat(CopyAge.isOlder(copy(null, NOON, MORNING), copy(null, MORNING, null), NOW))
                .as("an update time before the publication time: the later of the two counts")
                .isFalse();
        assertThat(CopyAge.isOlder(copy(2L, MORNING, null), copy(null, NOON, null), NOW))
                .as("one version only: the dates decide")
                .isTrue();
    }

    @Test
    void aDateFarAheadOfTheClockProvesNothingAndNoDatesMeanNeitherIsOlder() {
        Instant future = NOW.plus(CopyAge.CLOCK_TOLERANCE).plusSeconds(60);
        assertThat(CopyAge.isOlder(copy(null, NOON, null), copy(null, future, null), NOW))
                .isFalse();
        assertThat(CopyAge.isOlder(copy(null, NOON, null), copy(null, NOW.plusSeconds(3600), null), NOW))
                .as("within the tolerance")
                .isTrue();
        assertThat(CopyAge.isOlder(copy(null, null, null), copy(null, null, null), NOW))
                .isFalse();
        assertThat(CopyAge.isOlder(copy(null, NOON, null), copy(null, null, null), NOW))
                .isFalse();
    }

    @Test
    void storedRevisionsAreJudgedByTheSameRule() {
        RevisionContent earlier =
                RevisionContent.builder().headline("h").sourcePublished(MORNING).build();
        RevisionContent later =
                RevisionContent.builder().headline("h").sourcePublished(NOON).build();

        assertThat(CopyAge.isOlder(earlier, later, NOW)).isTrue();
        assertThat(CopyAge.isOlder(later, earlier, NOW)).isFalse();
    }
}
