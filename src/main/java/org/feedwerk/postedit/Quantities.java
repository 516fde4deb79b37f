package org.feedwerk.postedit;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers, clock times and dates of a text, read the way its language writes them: "5.30pm" and "17.30 Uhr"
 * are the same time, "10/12/21" and "12.10.21" the same date, "2 600" one number. Times and dates are read first,
 * so that their digits are not taken for numbers.
 */
final class Quantities {
    private static final String GROUP = "[ \\u00a0\\u202f\\u2009]";
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\d])\\d{1,3}(?:" + GROUP + "\\d{3})+(?:[.,]\\d+)?(?![\\d])|\\d+(?:[.,]\\d+)*");
    private static final String SPACE = "[\\s\\u00a0\\u202f]";
    private static final Pattern TWELVE_HOUR = Pattern.compile("(?<![\\d.,:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?"
            + SPACE + "?([AaPp])\\.?" + SPACE + "?[Mm]\\.?(?![\\p{L}])");
    /** An English time kept in a German text ("Special Delivery 1pm"); "5 am Montag" is not one. */
    private static final Pattern KEPT_TWELVE_HOUR = Pattern.compile("(?<![\\d.,:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?"
            + "(?:([AaPp])[Mm]|" + SPACE + "?([AaPp])\\.[Mm]\\.|" + SPACE + "([Pp])[Mm])(?![\\p{L}])");
    /** "17.30 Uhr", "9 Uhr abends" (21:00). */
    private static final Pattern GERMAN_TIME = Pattern.compile("(?<![\\d.,:])([01]?\\d|2[0-3])(?:[:.]([0-5]\\d))?"
            + SPACE + "?Uhr\\b(?:" + SPACE + "+(abends|nachmittags|nachts))?");
    /** "rund um die Uhr" says "24/7" and "24 hours a day". */
    private static final Pattern ROUND_THE_CLOCK = Pattern.compile("(?i)rund um die uhr");
    /** "the 1990s" may be "die 90er Jahre", "the 1800s" "das 19. Jahrhundert". */
    private static final Pattern DECADE = Pattern.compile("(?<![\\d])(\\d{3}0)['’]?s\\b");

    private static final Pattern COLON_TIME = Pattern.compile("(?<![\\d.,:])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern SLASH_DATE =
            Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])");
    private static final Pattern DOT_DATE =
            Pattern.compile("(?<![\\d.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d])");
    /** German "24.12." without a year: day and month, read as two numbers. */
    private static final Pattern DOT_DAY_MONTH = Pattern.compile("(?<![\\d.,])(\\d{1,2})\\.(\\d{1,2})\\.(?![\\d])");

    private static final List<String> GERMAN_MONTHS = List.of(
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Chinese, Japanese and Korean count in thousands, ten thousands (万), hundred millions (亿) and 10^12. */
    private static final Pattern MYRIAD = Pattern.compile("(?<![\\d.,])(\\d+(?:[.,]\\d+)?)\\s?([千천万萬만亿億억兆조])");

    /** A number as written, and the values it can stand for. */
    record Number(String text, List<BigDecimal> readings) {}

    /** A date as written, and the calendar days it can mean (two when day and month could be swapped). */
    record DateMention(String text, Set<LocalDate> readings) {}

    /** A clock time as written, as minutes after midnight. */
    record TimeMention(String text, int minutes) {}

    private final List<Number> numbers = new ArrayList<>();
    private final List<DateMention> dates = new ArrayList<>();
    private final List<TimeMention> times = new ArrayList<>();
    private final Set<BigDecimal> monthNames = new LinkedHashSet<>();

    private Quantities() {}

    static Quantities of(String written, String language) {
        Quantities found = new Quantities();
        String text = withAsciiDigits(written);
        StringBuilder rest = new StringBuilder(text);
        boolean english = language.startsWith("en");
        boolean german = language.startsWith("de");
        if (english) {
            found.read(
                    rest,
                    DECADE,
                    match -> found.numbers.add(new Number(
                            match.group(),
                            List.of(
                                    normalized(Long.parseLong(match.group(1))),
                                    normalized(
                                            match.group(1).endsWith("00")
                                                    ? Long.parseLong(match.group(1)) / 100 + 1
                                                    : Long.parseLong(match.group(1)) % 100)))));
            found.read(
                    rest,
                    TWELVE_HOUR,
                    match -> found.times.add(new TimeMention(
                            match.group(), twelveHour(match.group(1), match.group(2), match.group(3)))));
        }
        if (german) {
            found.read(rest, ROUND_THE_CLOCK, match -> {
                found.numbers.add(new Number(match.group(), List.of(normalized(24))));
                found.numbers.add(new Number(match.group(), List.of(normalized(7))));
            });
            found.read(rest, KEPT_TWELVE_HOUR, match -> {
                String half = match.group(3) != null
                        ? match.group(3)
                        : match.group(4) != null ? match.group(4) : match.group(5);
                found.times.add(new TimeMention(match.group(), twelveHour(match.group(1), match.group(2), half)));
            });
            found.read(rest, GERMAN_TIME, match -> {
                int hour = Integer.parseInt(match.group(1));
                boolean afternoon = match.group(3) != null
                        && hour < 12
                        && !(hour < 5 && match.group(3).equals("nachts"));
                found.times.add(
                        new TimeMention(match.group(), (hour + (afternoon ? 12 : 0)) * 60 + minutes(match.group(2))));
            });
        }
        found.read(
                rest,
                COLON_TIME,
                match -> found.times.add(new TimeMention(
                        match.group(), Integer.parseInt(match.group(1)) * 60 + minutes(match.group(2)))));
        found.read(
                rest,
                ISO_DATE,
                match -> found.addDate(match.group(), match.group(1), match.group(2), match.group(3), false));
        if (english) {
            // Month first as in the US, day first as in Britain: either, where both are dates.
            found.read(
                    rest,
                    SLASH_DATE,
                    match -> found.addDate(match.group(), match.group(3), match.group(1), match.group(2), true));
        }
        found.read(
                rest,
                DOT_DATE,
                match -> found.addDate(match.group(), match.group(3), match.group(2), match.group(1), false));
        if (german) {
            found.read(rest, DOT_DAY_MONTH, match -> {
                found.numbers.add(new Number(match.group(1), readings(match.group(1))));
                found.numbers.add(new Number(match.group(2), readings(match.group(2))));
            });
        }
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            int month = monthNumber(word.group());
            if (month > 0) {
                found.monthNames.add(normalized(month));
            }
        }
        found.read(rest, MYRIAD, match -> {
            BigDecimal unit = BigDecimal.TEN.pow(
                    switch (match.group(2)) {
                        case "千", "천" -> 3;
                        case "万", "萬", "만" -> 4;
                        case "亿", "億", "억" -> 8;
                        default -> 12;
                    });
            found.numbers.add(new Number(
                    match.group(),
                    readings(match.group(1)).stream()
                            .map(value -> normalized(value.multiply(unit)))
                            .toList()));
        });
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            found.numbers.add(new Number(number.group(), readings(number.group())));
        }
        return found;
    }

    /** Full-width digits (０–９, common in Japanese text) as the digits they are. */
    private static String withAsciiDigits(String text) {
        if (text.chars().noneMatch(c -> c >= '０' && c <= '９')) {
            return text;
        }
        StringBuilder ascii = new StringBuilder(text.length());
        text.chars().forEach(c -> ascii.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : (char) c));
        return ascii.toString();
    }

    List<Number> numbers() {
        return numbers;
    }

    List<DateMention> dates() {
        return dates;
    }

    List<TimeMention> times() {
        return times;
    }

    /**
     * The parts of this text's times (the hour; "5.30" as 5.3) and dates (day, month, year in two and four digits)
     * and the months it names: any number of the other text may match them.
     */
    Set<BigDecimal> partValues() {
        Set<BigDecimal> values = new LinkedHashSet<>();
        for (TimeMention time : times) {
            values.add(normalized(time.minutes() / 60));
            values.add(normalized(BigDecimal.valueOf(time.minutes() / 60 * 100 + time.minutes() % 60, 2)));
        }
        for (DateMention date : dates) {
            for (LocalDate day : date.readings()) {
                values.add(normalized(day.getDayOfMonth()));
                values.add(normalized(day.getMonthValue()));
                values.add(normalized(day.getYear()));
                values.add(normalized(day.getYear() % 100));
            }
        }
        values.addAll(monthNames);
        return values;
    }

    /** A German month name, or an English one written out or cut to three letters ("Sept" too); else 0. */
    private static int monthNumber(String word) {
        int german = GERMAN_MONTHS.indexOf(word);
        if (german >= 0) {
            return german + 1;
        }
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || word.equals(name.substring(0, 3))) {
                return month.getValue();
            }
        }
        return word.equals("sept") ? 9 : 0;
    }

    private interface MatchAction {
        void accept(Matcher match);
    }

    /** Records each match and blanks it out of {@code text}, so later patterns do not read its digits again. */
    private void read(StringBuilder text, Pattern pattern, MatchAction action) {
        Matcher matcher = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            action.accept(matcher);
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        for (int[] span : spans) {
            for (int index = span[0]; index < span[1]; index++) {
                text.setCharAt(index, ' ');
            }
        }
    }

    private void addDate(String text, String year, String first, String second, boolean eitherOrder) {
        Set<LocalDate> readings = new LinkedHashSet<>();
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        date(fullYear, first, second).ifPresent(readings::add);
        if (eitherOrder) {
            date(fullYear, second, first).ifPresent(readings::add);
        }
        // A triple that is no date ("10.25.21") is kept as a date mention without readings: a wrong date.
        dates.add(new DateMention(text, readings));
    }

    private static Optional<LocalDate> date(int year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** One representation per value: 10, not 1E+1; 5.3, not 5.30. */
    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal normalized(long value) {
        return normalized(BigDecimal.valueOf(value));
    }

    /** Minutes after midnight of "5", "30" and "p" (5.30pm). */
    private static int twelveHour(String hour, String minutes, String half) {
        return (Integer.parseInt(hour) % 12 + (half.equalsIgnoreCase("p") ? 12 : 0)) * 60 + minutes(minutes);
    }

    private static int minutes(String minutes) {
        return minutes == null ? 0 : Integer.parseInt(minutes);
    }

    /** The values a token can mean in English or German notation: "1,200" is 1200 or 1.2; "2 600" is 2600. */
    static List<BigDecimal> readings(String written) {
        String token = written.replaceAll(GROUP, "");
        List<BigDecimal> readings = new ArrayList<>();
        add(readings, token.replace(",", "")); // English: commas group thousands
        add(readings, token.replace(".", "").replace(",", ".")); // German: dots group thousands
        if (token.matches("\\d+[.,]\\d+(?:[.,]\\d+)*")) {
            add(readings, token.replaceAll("[.,]", "")); // "1.200" or "1,200" as 1200
        }
        return readings;
    }

    private static void add(List<BigDecimal> readings, String plain) {
        if (plain.matches("\\d+(?:\\.\\d+)?")) {
            BigDecimal value = normalized(new BigDecimal(plain));
            if (!readings.contains(value)) {
                readings.add(value);
            }
        }
    }
}
