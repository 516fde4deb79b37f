package org.feedwerk.postedit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number of the source must appear in the translation, whatever its format: 1,200.5 and 1.200,5 are the
 * same number, a year is a year, "40 percent" is "40 Prozent". Small numbers may be written as German words, and
 * a clock time 3:30 may become 15:30.
 */
final class NumbersCheck implements QualityCheck {
    static final String NAME = "numbers";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Map<String, Integer> GERMAN_WORDS = Map.ofEntries(Map.entry("null", 0),
            Map.entry("ein", 1), Map.entry("eine", 1), Map.entry("einen", 1), Map.entry("einem", 1),
            Map.entry("einer", 1), Map.entry("eines", 1), Map.entry("eins", 1), Map.entry("zwei", 2),
            Map.entry("drei", 3), Map.entry("vier", 4), Map.entry("fünf", 5), Map.entry("sechs", 6),
            Map.entry("sieben", 7), Map.entry("acht", 8), Map.entry("neun", 9), Map.entry("zehn", 10),
            Map.entry("elf", 11), Map.entry("zwölf", 12), Map.entry("beiden", 2), Map.entry("beide", 2),
            Map.entry("ersten", 1), Map.entry("erste", 1), Map.entry("zweiten", 2), Map.entry("dritten", 3));

    @Override
    public CheckResult check(QaInput input) {
        Set<BigDecimal> target = valuesIn(input.targetText());
        wordsIn(input.targetText()).forEach(value -> target.add(BigDecimal.valueOf(value)));
        Set<String> missing = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(input.sourceText());
        while (matcher.find()) {
            List<BigDecimal> readings = readings(matcher.group());
            boolean found = readings.stream().anyMatch(target::contains)
                    || readings.stream().anyMatch(value -> isClockHour(value) && target.contains(value.add(BigDecimal.valueOf(12))));
            if (!found) {
                missing.add(matcher.group());
            }
        }
        return missing.isEmpty() ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(NAME, Severity.BLOCKING, "missing in the translation: " + String.join(", ", missing));
    }

    private static Set<BigDecimal> valuesIn(String text) {
        Set<BigDecimal> values = new HashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            values.addAll(readings(matcher.group()));
        }
        return values;
    }

    private static List<Integer> wordsIn(String text) {
        List<Integer> values = new ArrayList<>();
        for (String word : text.toLowerCase().split("[^\\p{L}]+")) {
            Integer value = GERMAN_WORDS.get(word);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The values a token can mean in English or German notation: "1,200" is 1200 or 1.2. */
    static List<BigDecimal> readings(String token) {
        List<BigDecimal> readings = new ArrayList<>();
        add(readings, token.replace(",", ""));                               // English: commas group thousands
        add(readings, token.replace(".", "").replace(",", "."));             // German: dots group thousands
        if (token.matches("\\d+[.,]\\d+(?:[.,]\\d+)*")) {
            add(readings, token.replaceAll("[.,]", ""));                     // "1.200" or "1,200" as 1200
        }
        return readings;
    }

    private static void add(List<BigDecimal> readings, String plain) {
        if (plain.matches("\\d+(?:\\.\\d+)?")) {
            BigDecimal value = new BigDecimal(plain).stripTrailingZeros();
            if (!readings.contains(value)) {
                readings.add(value);
            }
        }
    }

    private static boolean isClockHour(BigDecimal value) {
        return value.scale() <= 0 && value.intValue() >= 1 && value.intValue() <= 12;
    }
}
