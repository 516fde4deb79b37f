package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The automatic post-edit rules for German, in the order they run. Each is documented here and tested on its
 * own; all of them leave text alone that is already correct.
 */
public final class GermanRules {
    private static final char NBSP = '\u00a0';
    private static final char NARROW_NBSP = '\u202f';

    private GermanRules() {}

    public static List<PostEditRule> all() {
        return List.of(
                QuotesRule.german(),
                compoundHyphen(),
                spaceBeforePunctuation(),
                abbreviationSpaces(),
                numberUnitSpaces(),
                new NumberFormatRule());
    }

    /**
     * A space torn into a compound goes: "US -Außenministerium" → "US-Außenministerium". Not after "und", "oder",
     * "sowie", "bzw." and the like, where " -Schriftzügen" is a correct suspended compound ("Logos und
     * -Schriftzügen").
     */
    static PostEditRule compoundHyphen() {
        return PieceRule.replacing(
                "compound-hyphen",
                "(?<=[\\p{L}\\d])(?<!(?:^|[\\s(])(?:und|oder|sowie|bzw\\.?|"
                        + "beziehungsweise|bis|als|wie|noch|weder|sondern|auch|aber|&))(?<!(?:^|[\\s(])(?:Und|Oder|Sowie|Bis|"
                        + "Wie|Noch|Weder|Auch|Aber)) -(?=\\p{L})",
                "-");
    }

    /**
     * No space before , . ; : ! ? (a space before a number's decimal point stays: " .5", and before an ellipsis
     * written "...", which marks an omission), also when the word before
     * ends an inline element: "<a>Link</a> , sagte er".
     */
    static PostEditRule spaceBeforePunctuation() {
        Pattern inside = Pattern.compile("(?<=[\\p{L}\\d“‘)\\]])[ \\t]+([,.;:!?])(?![\\d.])");
        Pattern leading = Pattern.compile("^[ \\t]+([,.;:!?])(?![\\d.])");
        Pattern wordEnd = Pattern.compile("[\\p{L}\\d“‘)\\]]$");
        return new PostEditRule() {
            @Override
            public String name() {
                return "space-before-punctuation";
            }

            @Override
            public List<String> apply(List<String> pieces, String sourceText) {
                List<String> edited = new ArrayList<>();
                for (String piece : pieces) {
                    String text = inside.matcher(piece).replaceAll("$1");
                    if (!edited.isEmpty()
                            && wordEnd.matcher(edited.get(edited.size() - 1)).find()) {
                        text = leading.matcher(text).replaceFirst("$1");
                    }
                    edited.add(text);
                }
                return edited;
            }
        };
    }

    /** Abbreviations such as "z. B.", "d. h.", "u. a." (also written "z.B.") get a narrow no-break space. */
    static PostEditRule abbreviationSpaces() {
        Pattern pattern = Pattern.compile("\\b(z|d|u|o|v|s)\\.[ " + NARROW_NBSP + "]?(B|h|a|Ä|Chr|g|o)\\.");
        return new PieceRule(
                "abbreviation-spaces",
                text -> PieceRule.replaceAll(
                        text, pattern, match -> match.group(1) + "." + NARROW_NBSP + match.group(2) + "."));
    }

    /** A number and its unit or percent sign are kept together: "5 %", "110 km/h", "84,5 Millionen". */
    static PostEditRule numberUnitSpaces() {
        Pattern unit = Pattern.compile("(\\d) ?(%)|(\\d) (Prozent|km/h|km|kg|cm|mm|Uhr|Euro|Dollar|Franken|Pfund|"
                + "Millionen|Milliarden|Million|Milliarde|Mio\\.|Mrd\\.|€|\\$)(?![\\p{L}])");
        return new PieceRule(
                "number-unit-spaces",
                text -> PieceRule.replaceAll(
                        text,
                        unit,
                        match -> match.group(1) != null
                                ? match.group(1) + NBSP + "%"
                                : match.group(3) + NBSP + match.group(4)));
    }
}
