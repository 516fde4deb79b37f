package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as real feeds write them when they miss RFC 822, each with the instant a reader would take it for. */
class LenientDatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Tue, 01 Dec 2026 10:00:00           | 2026-12-01T10:00:00Z",
                "Tue, 01 Dec 2026 10:00:00 +01:00    | 2026-12-01T09:00:00Z",
                "Tue, 01 Dec 2026 10:00:00 -0500 (EST) | 2026-12-01T15:00:00Z",
                "Tue,01 Dec 2026 10:00:00 GMT        | 2026-12-01T10:00:00Z",
                "Tuesday, 01-Dec-26 10:00:00 GMT     | 2026-12-01T10:00:00Z",
                "Tue Dec 01 10:00:00 UTC 2026        | 2026-12-01T10:00:00Z",
                "Tue Dec  1 10:00:00 2026            | 2026-12-01T10:00:00Z",
                "Tue Dec 01 10:00:00 CET 2026        | 2026-12-01T09:00:00Z",
                "2026-12-01 10:00:00                 | 2026-12-01T10:00:00Z",
                "2026-12-01 10:00:00+02:00           | 2026-12-01T08:00:00Z",
                "2026-12-01 10:00:00.5 UTC           | 2026-12-01T10:00:00Z",
                "December 1, 2026 10:00 AM           | 2026-12-01T10:00:00Z",
                "Dec 1, 2026 12:30 pm EST            | 2026-12-01T17:30:00Z",
                "December 1, 2026 12:05 AM           | 2026-12-01T00:05:00Z",
                "Di, 01 Dez 2026 10:00:00 +0100      | 2026-12-01T09:00:00Z",
                "Mittwoch, 3. März 2027 08:00 MEZ     | 2027-03-03T07:00:00Z",
                "Mon, 30 Nov 2026 2:00 pm CET        | 2026-11-30T13:00:00Z",
                "01 Dec 2026 10:00 GMT+1             | 2026-12-01T09:00:00Z",
                "Tue, 01 Dec 2026                    | 2026-12-01T00:00:00Z",
                "1. Dezember 2026                    | 2026-12-01T00:00:00Z",
                "2026-12-01T10:00:00                 | 2026-12-01T10:00:00Z",
                "1764583200                          | 2025-12-01T10:00:00Z",
                "Tuesday, December 1, 2026 - 10:00   | 2026-12-01T10:00:00Z",
                "mer, 16 nov 2022 00:38:15 +0100     | 2022-11-15T23:38:15Z",
                "mer. 2 juil. 2025 08:00:00 +0200    | 2025-07-02T06:00:00Z",
                "jeu., 5 juin 2025 08:00:00 +0200    | 2025-06-05T06:00:00Z",
                "sáb, 16 ago 2025 10:00:00 -0300     | 2025-08-16T13:00:00Z",
                "qua, 1 out 2025 10:00:00 -0300      | 2025-10-01T13:00:00Z",
                "gio, 4 dic 2025 10:00:00 +0100      | 2025-12-04T09:00:00Z",
                "wo, 3 mrt 2027 10:00:00 +0100       | 2027-03-03T09:00:00Z",
                "16 févr. 2026 10:00 +0100           | 2026-02-16T09:00:00Z",
                "1764583200500                       | 2025-12-01T10:00:00.500Z",
            })
    void readsTheFormsRealFeedsWrite(String text, String expected) {
        assertThat(LenientDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "yesterday",
                "",
                "Tue, 31 Nov 2026 10:00:00 GMT",
                "Tue, 01 Dec 2026 25:00:00 GMT",
                "Tue, 01 Dec 2026 13:00 pm GMT",
                "Tue, 01 Dec 2026 10:00:00 IST",
                "Tue, 01 Foo 2026 10:00:00 GMT",
                "Tue, 31 Nov 2026",
                "2026-02-30",
                "12/01/2026 10:00"
            })
    void aDateItCannotBeSureOfIsUnknown(String text) {
        assertThat(LenientDates.parse(text)).isNull();
    }

    @Test
    void jsonAndWireTimestampsThatMissRfc3339AreReadLeniently() {
        assertThat(Rfc3339.parseOrNull("2026-12-01T10:00:00+01:00")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        Instant tenUtc = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(Stream.of("2026-12-01T10:00:00", "2026-12-01 10:00:00", "Tue, 01 Dec 2026 10:00:00 GMT")
                        .map(Rfc3339::parseOrNull))
                .containsOnly(tenUtc);
        assertThat(Rfc3339.parseOrNull("soon")).isNull();
    }
}
