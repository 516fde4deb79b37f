package org.feedwerk.postedit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the engine left in English format are written the German way, but only where the source had exactly
 * that number and the reading is unambiguous: thousands with commas ("1,200" → "1.200", "1,200.5" → "1.200,5"),
 * and a decimal point when a unit, scale or percent follows ("84.5 Millionen" → "84,5 Millionen"). A bare
 * "2.0" (a version?) or "1.200" (already German?) is left alone.
 */
final class NumberFormatRule implements PostEditRule {
    private static final Pattern THOUSANDS =
            Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,]|\\.\\d)");
    private static final Pattern DECIMAL_WITH_UNIT = Pattern.compile(
            "(?<![\\d.,])(\\d+)\\.(\\d{1,2})(?=[ \\u00a0]?(?:%|Prozent|Millionen|Milliarden|Million|Milliarde|Mio\\.|Mrd\\."
                    + "|km|kg|Grad|Meter|Euro|Dollar|Pfund|Franken|Punkte|Stunden|Jahre)(?![\\p{L}]))");

    @Override
    public String name() {
        return "number-format";
    }

    @Override
    public List<String> apply(List<String> pieces, String sourceText) {
        return pieces.stream().map(piece -> convert(piece, sourceText)).toList();
    }

    private static String convert(String text, String source) {
        String converted = PieceRule.replaceAll(
                text, THOUSANDS, match -> source.contains(match.group()) ? german(match.group()) : match.group());
        return PieceRule.replaceAll(converted, DECIMAL_WITH_UNIT, match -> {
            String english = match.group(1) + "." + match.group(2);
            return containsNumber(source, english) ? match.group(1) + "," + match.group(2) : match.group();
        });
    }

    private static String german(String english) {
        return english.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".");
    }

    private static boolean containsNumber(String source, String number) {
        Matcher matcher = Pattern.compile("(?<![\\d.,])" + Pattern.quote(number) + "(?![\\d])")
                .matcher(source);
        return matcher.find();
    }
}
