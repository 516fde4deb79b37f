package org.feedwerk.postedit;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    @Override
    public CheckResult check(QaInput input) {
        Quantities source = Quantities.of(input.sourceText(), input.sourceLanguage());
        Quantities target = Quantities.of(input.targetText(), input.targetLanguage());
        Set<BigDecimal> values = target.values();
        if (input.targetLanguage().startsWith("de")) {
            NumberWords.valuesIn(input.targetText()).forEach(value -> values.add(BigDecimal.valueOf(value)));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Quantities.TimeMention time : source.times()) {
            if (!hasTime(target, time)) {
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
            boolean found = readings.stream().anyMatch(values::contains)
                    || readings.stream().anyMatch(value -> isClockHour(value)
                            && values.contains(value.add(BigDecimal.valueOf(12))));
            if (!found) {
                missing.add(number.text());
            }
        }
        return missing.isEmpty() ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(NAME, Severity.BLOCKING, "missing in the translation: " + String.join(", ", missing));
    }

    /** The same time; one written without am/pm up to 12:59 may be meant in the afternoon. */
    private static boolean hasTime(Quantities target, Quantities.TimeMention time) {
        boolean ambiguous = !time.text().matches("(?i).*[ap]\\.?\\s?m\\.?\\s*$") && time.minutes() < 13 * 60
                && time.minutes() >= 60;
        return target.times().stream().anyMatch(other -> other.minutes() == time.minutes()
                || ambiguous && other.minutes() == time.minutes() + HALF_DAY);
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
        boolean conflicting = target.dates().stream().anyMatch(other -> other.readings().isEmpty()
                || other.readings().stream().anyMatch(day -> date.readings().stream().anyMatch(source ->
                        source.getYear() == day.getYear() && source.getMonthValue() == day.getDayOfMonth()
                                && source.getDayOfMonth() == day.getMonthValue())));
        if (conflicting || date.readings().isEmpty()) {
            return false;
        }
        return date.readings().stream().anyMatch(day -> values.contains(BigDecimal.valueOf(day.getDayOfMonth()))
                && values.contains(BigDecimal.valueOf(day.getMonthValue()))
                && (values.contains(BigDecimal.valueOf(day.getYear()))
                        || values.contains(BigDecimal.valueOf(day.getYear() % 100))));
    }

    private static boolean isClockHour(BigDecimal value) {
        return value.scale() <= 0 && value.intValue() >= 1 && value.intValue() <= 12;
    }
}
