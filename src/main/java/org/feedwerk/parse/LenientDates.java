package org.feedwerk.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last reader of an RSS date, for what RFC 822 and Rome's patterns refuse but real feeds write: no zone
 * ({@code Tue, 01 Dec 2026 10:00:00}, read as UTC, as feed readers do), an offset with a colon ({@code +01:00}),
 * a zone in brackets after the offset ({@code -0500 (EST)}), no space after the comma, the day before the month
 * in RFC 850 form ({@code 01-Dec-26}), {@code asctime} and {@code Date.toString()} forms
 * ({@code Tue Dec 01 10:00:00 UTC 2026}), ISO dates with a space for the {@code T}, US forms
 * ({@code December 1, 2026 10:00 AM}, Drupal's {@code Tuesday, December 1, 2026 - 10:00}), German day and month names ({@code Di, 1. Dez. 2026}), French, Italian, Spanish, Portuguese and Dutch ones ({@code mer, 16 nov 2022}) and dates without a
 * time (the start of the day in UTC), Unix timestamps. A zone it does not know makes the date unknown rather than wrong. JSON Feed,
 * ninjs and NewsML-G2 timestamps that miss RFC 3339 come here too.
 */
final class LenientDates {
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?(?: ?([ap]\\.?m\\.?))?";
    private static final String ZONE = "(?: ?(\\S+))?";
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(\\d{1,2})\\.?[ -](\\p{L}{3,9})\\.?[ -](\\d{4}|\\d{2}),? " + TIME + ZONE);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(\\p{L}{3,9})\\.? (\\d{1,2}),? (\\d{4}),?(?: at| -)? " + TIME + ZONE);
    private static final Pattern ASCTIME =
            Pattern.compile("(\\p{L}{3,9}) +(\\d{1,2}) " + TIME + "(?: (\\S+))? (\\d{4})");
    private static final Pattern ISO_WITH_SPACE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ t]" + TIME + ZONE);
    private static final Pattern DATE_ONLY = Pattern.compile("(\\d{1,2})\\.?[ -](\\p{L}{3,9})\\.?[ -](\\d{4})");
    private static final Pattern ISO_DATE_ONLY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern OFFSET = Pattern.compile("(?:gmt|utc)?([+-])(\\d{1,2})(?::?(\\d{2}))?");
    /** A leading day name, English or German (redundant with the date, and often misspelt). */
    private static final Pattern DAY_NAME = Pattern.compile(
            "^(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\\.?,? *(?=\\d|\\p{L}{3,9}\\.? +\\d)");
    /** Any other day name, in the feed's own language ({@code mer,}, {@code jeu.,}), when a point or comma and the day follow. */
    private static final Pattern OTHER_DAY_NAME = Pattern.compile("^\\p{L}{2,12}(?:\\.,?|,) *(?=\\d)");

    /**
     * Seconds (10 digits) or milliseconds (13 digits) since 1970, what a generator's timestamp field holds: the
     * years 2001 to 2286 either way. Shorter runs of digits are too easily a compact date ({@code 202612010800}).
     */
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private static final Pattern COMMENT = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    /**
     * German, French, Italian, Spanish, Portuguese and Dutch abbreviations where they differ from the English ones
     * (French {@code juin} and {@code juillet} share three letters and are told apart by the fourth).
     */
    private static final Map<String, Integer> OTHER_MONTHS = Map.ofEntries(
            Map.entry("gen", 1),
            Map.entry("ene", 1),
            Map.entry("fév", 2),
            Map.entry("fev", 2),
            Map.entry("mär", 3),
            Map.entry("mrz", 3),
            Map.entry("mrt", 3),
            Map.entry("avr", 4),
            Map.entry("abr", 4),
            Map.entry("mai", 5),
            Map.entry("mag", 5),
            Map.entry("mei", 5),
            Map.entry("giu", 6),
            Map.entry("lug", 7),
            Map.entry("ago", 8),
            Map.entry("aoû", 8),
            Map.entry("aou", 8),
            Map.entry("set", 9),
            Map.entry("okt", 10),
            Map.entry("ott", 10),
            Map.entry("out", 10),
            Map.entry("dez", 12),
            Map.entry("dic", 12),
            Map.entry("déc", 12));

    /**
     * Zone abbreviations that mean one offset wherever feeds use them, by their offset in hours; others (IST, BST …)
     * are ambiguous and left out.
     */
    private static final Map<String, Integer> ZONE_HOURS = zoneTable("""
            0: z ut utc gmt wet
            1: west cet mez
            2: cest mesz eet
            3: eest
            -4: edt
            -5: est cdt
            -6: cst mdt
            -7: mst pdt
            -8: pst
            9: jst
            10: aest
            11: aedt
            """);

    private LenientDates() {}

    /**
     * A Unix timestamp written where a date belongs ({@code <pubDate>1764576000</pubDate>}), or null. Rome's date
     * masks read such digits as a year in the millions.
     */
    static Instant epoch(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!EPOCH.matcher(trimmed).matches()) {
            return null;
        }
        long value = Long.parseLong(trimmed);
        return trimmed.length() == 10 ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }

    /** The instant the text names, or null when it is not a date this reader can be sure of. */
    static Instant parse(String text) {
        if (text == null || text.length() > 100) {
            return null;
        }
        Instant timestamp = epoch(text);
        if (timestamp != null) {
            return timestamp;
        }
        String normalized = COMMENT.matcher(text.strip().toLowerCase(Locale.ROOT))
                .replaceFirst("")
                .replace(",", ", ")
                .replaceAll("\\s+", " ")
                .replace(" ,", ",");
        Matcher dayName = DAY_NAME.matcher(normalized);
        normalized = dayName.find()
                ? dayName.replaceFirst("")
                : OTHER_DAY_NAME.matcher(normalized).replaceFirst("");
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(normalized);
            if (m.matches()) {
                return at(year(m.group(3)), month(m.group(2)), m.group(1), m, 4, m.group(8));
            }
            m = MONTH_DAY_YEAR.matcher(normalized);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(3)), month(m.group(1)), m.group(2), m, 4, m.group(8));
            }
            m = ASCTIME.matcher(normalized);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(8)), month(m.group(1)), m.group(2), m, 3, m.group(7));
            }
            m = ISO_WITH_SPACE.matcher(normalized);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m, 4, m.group(8));
            }
            m = DATE_ONLY.matcher(normalized);
            if (m.matches()) {
                return midnight(Integer.parseInt(m.group(3)), month(m.group(2)), m.group(1));
            }
            m = ISO_DATE_ONLY.matcher(normalized);
            if (m.matches()) {
                return midnight(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null; // 31 February, hour 25, an unknown month or zone
        }
        return null;
    }

    /** The date with the time read from the groups from {@code timeGroup}: hour, minute, second, am/pm. */
    private static Instant at(int year, int month, String day, Matcher m, int timeGroup, String zone) {
        int hour = Integer.parseInt(m.group(timeGroup));
        String meridiem = m.group(timeGroup + 3);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("hour " + hour + " with am/pm");
            }
            hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
        }
        String seconds = m.group(timeGroup + 2);
        LocalDateTime local = LocalDateTime.of(
                year,
                month,
                Integer.parseInt(day),
                hour,
                Integer.parseInt(m.group(timeGroup + 1)),
                seconds == null ? 0 : Integer.parseInt(seconds));
        return local.toInstant(offset(zone));
    }

    /** A date without a time: its start in UTC, as Rome reads an ISO date. */
    private static Instant midnight(int year, int month, String day) {
        return LocalDateTime.of(year, month, Integer.parseInt(day), 0, 0).toInstant(ZoneOffset.UTC);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        Matcher numeric = OFFSET.matcher(zone);
        if (numeric.matches()) {
            int hours = Integer.parseInt(numeric.group(2));
            int minutes = numeric.group(3) == null ? 0 : Integer.parseInt(numeric.group(3));
            int sign = numeric.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONE_HOURS.get(zone);
        if (hours == null) {
            throw new IllegalArgumentException("unknown zone " + zone);
        }
        return ZoneOffset.ofHours(hours);
    }

    private static Map<String, Integer> zoneTable(String table) {
        Map<String, Integer> hours = new HashMap<>();
        table.lines().forEach(line -> {
            String[] offsetAndNames = line.split(":");
            for (String name : offsetAndNames[1].trim().split(" ")) {
                hours.put(name, Integer.parseInt(offsetAndNames[0].trim()));
            }
        });
        return Map.copyOf(hours);
    }

    private static int month(String name) {
        if (name.startsWith("juin")) {
            return 6;
        }
        if (name.startsWith("juil")) {
            return 7;
        }
        String abbreviation = name.length() > 3 ? name.substring(0, 3) : name;
        int english = MONTHS.indexOf(abbreviation);
        if (english >= 0) {
            return english + 1;
        }
        Integer other = OTHER_MONTHS.get(abbreviation);
        if (other == null) {
            throw new IllegalArgumentException("unknown month " + name);
        }
        return other;
    }

    /** RFC 822's two-digit years as Rome reads them: 00–49 this century, 50–99 the last. */
    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? year + (year < 50 ? 2000 : 1900) : year;
    }
}
