package org.feedwerk.postedit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number, clock time and date of the source must appear in the translation, whatever its format: 1,200.5
 * and 1.200,5 are the same number, "2 600" is 2600, "40 percent" is "40 Prozent", "12th" may be "zwölft…" and
 * small numbers may be written as German words. A time is a time: "5.30pm" must become 17.30 or 17:30 (a 3:30
 * without am/pm may become 15:30), never "5.30 Uhr". A date is a date: "10/12/21" may become 12.10.21 or
 * 10.12.21 (month or day first, as US and British English write it), but a date that is no date, or another
 * date, is refused.
 */
final class NumbersCheck implements QualityCheck {
    static final String NAME = "numbers";
    private static final int HALF_DAY = 12 * 60;
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})");

    @Override
    public CheckResult check(QaInput input) {
        Quantities source = Quantities.of(input.sourceText(), input.sourceLanguage());
        Quantities target = Quantities.of(input.targetText(), input.targetLanguage());
        Set<BigDecimal> parts = target.partValues();
        Set<BigDecimal> values = new LinkedHashSet<>(parts);
        target.numbers().forEach(number -> values.addAll(number.readings()));
        List<List<BigDecimal>> unused = new ArrayList<>();
        target.numbers().forEach(number -> unused.add(number.readings()));
        if (input.targetLanguage().startsWith("de")) {
            for (int value : NumberWords.valuesIn(input.targetText())) {
                values.add(Quantities.normalized(value));
                unused.add(List.of(Quantities.normalized(value)));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Quantities.TimeMention time : source.times()) {
            if (!hasTime(target, time, values)) {
                missing.add(time.text().strip());
            }
        }
        for (Quantities.DateMention date : source.dates()) {
            if (!hasDate(target, date, values)) {
                missing.add(date.text());
            }
        }
        for (Quantities.Number number : source.numbers()) {
            List<BigDecimal> readings = number.readings();
            List<BigDecimal> afternoon = readings.stream()
                    .filter(NumbersCheck::isClockHour)
                    .map(hour -> Quantities.normalized(hour.add(BigDecimal.valueOf(12))))
                    .toList();
            // Each occurrence needs its own number in the translation ("60 days … 60 days" is two 60s); the
            // parts of the translation's dates and times may serve any number of times.
            boolean found = take(unused, readings)
                    || readings.stream().anyMatch(parts::contains)
                    || take(unused, afternoon)
                    || afternoon.stream().anyMatch(parts::contains)
                    || isDayAndMonth(number.text(), values);
            if (!found) {
                missing.add(number.text());
            }
        }
        return missing.isEmpty()
                ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(
                        NAME, Severity.BLOCKING, "missing in the translation: " + String.join(", ", missing));
    }

    /** Removes the first unused number of the translation that can mean one of {@code readings}. */
    private static boolean take(List<List<BigDecimal>> unused, List<BigDecimal> readings) {
        for (int index = 0; index < unused.size(); index++) {
            if (unused.get(index).stream().anyMatch(readings::contains)) {
                unused.remove(index);
                return true;
            }
        }
        return false;
    }

    /**
     * The same time; one written without am/pm up to 12:59 may be meant in the afternoon. A translation may also
     * write the time as a bare "12.39" or "17.30" without "Uhr".
     */
    private static boolean hasTime(Quantities target, Quantities.TimeMention time, Set<BigDecimal> values) {
        boolean ambiguous = !time.text().matches("(?i).*[ap]\\.?\\s?m\\.?\\s*$")
                && time.minutes() < 13 * 60
                && time.minutes() >= 60;
        return target.times().stream()
                        .anyMatch(other -> other.minutes() == time.minutes()
                                || ambiguous && other.minutes() == time.minutes() + HALF_DAY)
                || time.minutes() % 60 != 0
                        && (values.contains(clockDecimal(time.minutes()))
                                || ambiguous && values.contains(clockDecimal(time.minutes() + HALF_DAY)));
    }

    private static BigDecimal clockDecimal(int minutes) {
        return Quantities.normalized(BigDecimal.valueOf(minutes / 60 * 100 + minutes % 60, 2));
    }

    /** "18.12" may be the 18th of December, written "18.12." or "18. Dezember" in German. */
    private static boolean isDayAndMonth(String token, Set<BigDecimal> values) {
        Matcher parts = DAY_MONTH.matcher(token);
        return parts.matches()
                && Integer.parseInt(parts.group(1)) <= 31
                && Integer.parseInt(parts.group(2)) <= 12
                && values.contains(Quantities.normalized(Integer.parseInt(parts.group(1))))
                && values.contains(Quantities.normalized(Integer.parseInt(parts.group(2))));
    }

    /**
     * A date of the translation with one of the source date's readings; or, where the translation writes it in
     * words ("12. Oktober 2021"), its day, month and year among the translation's numbers and months, unless the
     * translation has a date that is none or the source date with day and month swapped.
     */
    private static boolean hasDate(Quantities target, Quantities.DateMention date, Set<BigDecimal> values) {
        if (target.dates().stream().anyMatch(other -> other.readings().stream().anyMatch(date.readings()::contains))) {
            return true;
        }
        boolean conflicting = target.dates().stream()
                .anyMatch(other -> other.readings().isEmpty()
                        || other.readings().stream()
                                .anyMatch(day -> date.readings().stream()
                                        .anyMatch(source -> source.getYear() == day.getYear()
                                                && source.getMonthValue() == day.getDayOfMonth()
                                                && source.getDayOfMonth() == day.getMonthValue())));
        if (conflicting || date.readings().isEmpty()) {
            return false;
        }
        return date.readings().stream()
                .anyMatch(day -> values.contains(Quantities.normalized(day.getDayOfMonth()))
                        && values.contains(Quantities.normalized(day.getMonthValue()))
                        && (values.contains(Quantities.normalized(day.getYear()))
                                || values.contains(Quantities.normalized(day.getYear() % 100))));
    }

    private static boolean isClockHour(BigDecimal value) {
        return value.scale() <= 0 && value.intValue() >= 1 && value.intValue() <= 12;
    }
}
