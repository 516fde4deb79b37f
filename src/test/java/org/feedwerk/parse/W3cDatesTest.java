package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.feedwerk.config.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Atom and Dublin Core dates as generators write them, each with the instant it means. */
class W3cDatesTest {
    private final FeedParsers parsers = new FeedParsers();

    private Item atomEntryDated(String published, String updated) {
        String feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Quay</title>"
                + "<id>urn:quay</id><updated>2026-12-01T00:00:00Z</updated><entry><title>Crane</title>"
                + "<id>urn:quay:1</id><link href=\"https://quay.example.org/1\"/><published>" + published
                + "</published><updated>" + updated + "</updated><content>The crane came.</content></entry></feed>";
        return parsers.parse(
                        new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/atom+xml", "test"),
                        SourceFormat.AUTO)
                .items()
                .get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-12-01T08:00:00Z                 | 2026-12-01T08:00:00Z",
                "2026-12-01T08:00:00.5Z               | 2026-12-01T08:00:00.500Z",
                "2026-12-01T08:00:00.123+01:00        | 2026-12-01T07:00:00.123Z",
                "2026-12-01T08:00:00.123456+00:00     | 2026-12-01T08:00:00.123Z",
                "2026-12-01T08:00:00.123456789-05:00  | 2026-12-01T13:00:00.123Z",
                "2026-12-01t08:00:00z                 | 2026-12-01T08:00:00Z",
                "2026-12-01T08:00:00                  | 2026-12-01T08:00:00Z",
                "2026-12-01 08:00:00                  | 2026-12-01T08:00:00Z",
                "2026-12-01T08:00:00+0100             | 2026-12-01T07:00:00Z",
                "Tue, 01 Dec 2026 08:00:00 GMT        | 2026-12-01T08:00:00Z",
                "2026-12-01                           | 2026-12-01T00:00:00Z",
                "2026-12-01T08:00                     | 2026-12-01T08:00:00Z",
            })
    void atomDatesMeanWhatTheySay(String written, String expected) {
        Item item = atomEntryDated(written, written);

        assertThat(item.published()).isEqualTo(Instant.parse(expected));
        assertThat(item.updated()).isEqualTo(Instant.parse(expected));
    }

    /** Where Rome reads a date that is not RFC 3339, its reading stands (the rewrite only fills what it misses). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Tue, 01 Dec 2026 08:00:00 GMT",
                "Tue, 01 Dec 2026 08:00:00 EST",
                "01 Dec 26 08:00 +0100",
                "2026-12",
                "2026"
            })
    void aDateRomeReadsKeepsRomesMeaning(String written) {
        Date rome = DateParser.parseDate(written, Locale.US);

        assertThat(rome).as("Rome reads %s", written).isNotNull();
        assertThat(W3cDates.read(written)).isNull();
        assertThat(atomEntryDated(written, written).published()).isEqualTo(rome.toInstant());
    }

    @Test
    void aDateNoOneCanReadStaysUnknown() {
        assertThat(atomEntryDated("soon", "01.12.2026 25:00").published()).isNull();
    }

    @Test
    void dublinCoreDatesInRssAreSettledToo() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Quay</title><item><title>Crane</title><link>https://quay.example.org/1</link>"
                + "<dc:date>2026-12-01T08:00:00.250000+02:00</dc:date></item></channel></rss>";

        Item item = parsers.parse(
                        new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "test"),
                        SourceFormat.AUTO)
                .items()
                .get(0);

        assertThat(item.published()).isEqualTo(Instant.parse("2026-12-01T06:00:00.250Z"));
    }
}
