package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedwerk.config.SourceFormat;
import org.junit.jupiter.api.Test;

/**
 * Feedwerk reads RSS item dates past Rome's slow date parser; every date must still mean what Rome makes of it.
 * Each case is read both ways, by Rome alone and by Feedwerk's parser, from the same document.
 */
class RssItemDatesTest {
    private static final List<String> DATES = List.of(
            "Sun, 29 Nov 2026 08:15:00 GMT",
            "Sun, 29 Nov 2026 08:15:00 +0100",
            "Sun, 29 Nov 2026 08:15:00 -0530",
            "Sun, 29 Nov 2026 08:15:00 -0000",
            "Sun, 29 Nov 2026 08:15 GMT",
            "29 Nov 2026 08:15:00 GMT",
            "Sun, 1 Nov 2026 08:15:00 GMT",
            "Sun, 01 Nov 2026 08:15:00 GMT",
            "sun, 29 nov 2026 08:15:00 gmt",
            "  Sun, 29 Nov 2026 08:15:00 GMT\n  ",
            "Sun, 29 Nov 2026 08:15:00 EST",
            "Sun, 29 Nov 2026 08:15:00 PDT",
            "Sun, 29 Nov 2026 08:15:00 CET",
            "Sun, 29 Nov 2026 08:15:00 UT",
            "Sun, 29 Nov 2026 08:15:00 Z",
            "Mon, 29 Nov 2026 08:15:00 GMT",
            "Sun, 29 Nov 26 08:15:00 GMT",
            "Sun, 29 Nov 0026 08:15:00 GMT",
            "Sun, 29 Nov 2026 24:00:00 GMT",
            "Sun, 29 Nov 2026 08:15:60 GMT",
            "Sun, 31 Nov 2026 08:15:00 GMT",
            "So, 29 Nov 2026 08:15:00 GMT",
            "2026-11-29T08:15:00Z",
            "2026-11-29T08:15:00.250+01:00",
            "2026-11-29",
            "yesterday",
            "",
            "Tue, 29 Feb 2028 23:59:59 +1400");

    @Test
    void everyItemDateMeansWhatRomeMakesOfItAndWhatRomeCannotReadIsReadLeniently() throws Exception {
        for (String version : List.of("2.0", "0.94", "0.92", "0.91")) {
            String feed = rss(version, DATES, false);
            List<Instant> rome = romeDates(feed);
            List<Instant> feedwerk = feedwerkDates(feed);
            for (int index = 0; index < DATES.size(); index++) {
                Instant expected = rome.get(index) != null ? rome.get(index) : LenientDates.parse(DATES.get(index));
                assertThat(feedwerk.get(index))
                        .as("RSS %s: %s", version, DATES.get(index))
                        .isEqualTo(expected);
            }
        }
        assertThat(LenientDates.parse("So, 29 Nov 2026 08:15:00 GMT"))
                .as("a German day name, which Rome refuses")
                .isEqualTo(Instant.parse("2026-11-29T08:15:00Z"));
    }

    /** Rome prefers Dublin Core's {@code dc:date} to {@code pubDate} in RSS 2.0; so does Feedwerk. */
    @Test
    void dublinCoreDateWinsAsInRome() throws Exception {
        String feed = rss("2.0", List.of("Sun, 29 Nov 2026 08:15:00 GMT", "Sun, 29 Nov 2026 09:00:00 GMT"), true);

        assertThat(feedwerkDates(feed)).isEqualTo(romeDates(feed)).containsOnly(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void aLargeFeedKeepsEachItemsOwnDate() throws Exception {
        List<String> dates = new ArrayList<>();
        for (int minute = 0; minute < 600; minute++) {
            dates.add(String.format("Sun, 29 Nov 2026 %02d:%02d:00 +0100", minute / 60, minute % 60));
        }
        String feed = rss("2.0", dates, false);

        List<Instant> read = feedwerkDates(feed);
        assertThat(read).isEqualTo(romeDates(feed));
        assertThat(read.get(599)).isEqualTo(Instant.parse("2026-11-29T08:59:00Z"));
    }

    private static String rss(String version, List<String> dates, boolean dublinCore) {
        StringBuilder xml = new StringBuilder(
                "<rss version=\"" + version + "\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<channel><title>Dates</title><link>https://dates.example.org/</link><description>d</description>");
        for (int index = 0; index < dates.size(); index++) {
            xml.append("<item><title>Story ")
                    .append(index)
                    .append("</title><link>https://dates.example.org/")
                    .append(index)
                    .append("</link><description>Text.</description><pubDate>")
                    .append(dates.get(index))
                    .append("</pubDate>")
                    .append(dublinCore ? "<dc:date>2026-11-28T10:00:00Z</dc:date>" : "")
                    .append("</item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static List<Instant> romeDates(String feed) throws Exception {
        List<Instant> dates = new ArrayList<>();
        for (SyndEntry entry : new SyndFeedInput()
                .build(new XmlReader(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8))))
                .getEntries()) {
            dates.add(
                    entry.getPublishedDate() == null
                            ? null
                            : entry.getPublishedDate().toInstant());
        }
        return dates;
    }

    private static List<Instant> feedwerkDates(String feed) {
        List<Instant> dates = new ArrayList<>();
        new FeedParsers()
                .parse(
                        new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "test"),
                        SourceFormat.AUTO)
                .items()
                .forEach(item -> dates.add(item.published()));
        return dates;
    }
}
