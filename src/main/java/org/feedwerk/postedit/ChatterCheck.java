package org.feedwerk.postedit;

import java.util.regex.Pattern;

/** Words of the engine rather than of the article: "Here is the translation:", "Hier ist die Übersetzung", … */
final class ChatterCheck implements QualityCheck {
    static final String NAME = "chatter";
    // "Hier ist der Militärdienst Pflicht" is an article's sentence: an opener counts only when it announces a
    // translation or text within a few words.
    private static final Pattern CHATTER = Pattern.compile("(?iu)^\\s*(?:(?:here is|here's|below is|hier ist|hier sind|"
            + "hier die|nachfolgend|im folgenden)\\b[^.:!?]{0,40}?\\b(?:translation|translated|text|version|übersetzung|"
            + "übersetzt|übersetzte)|sure[,!]|certainly[,!]|gerne[,!]|the translation|translation:|translated text|"
            + "übersetzung:|die übersetzung)|as an ai\\b|als (?:ki|künstliche intelligenz)\\b|i cannot translate|"
            + "ich kann .{0,40}nicht übersetzen");

    @Override
    public CheckResult check(QaInput input) {
        for (int index = 0; index < input.targetSegments().size(); index++) {
            String target = input.targetSegments().get(index);
            String source = index < input.sourceSegments().size()
                    ? input.sourceSegments().get(index)
                    : "";
            if (CHATTER.matcher(target).find() && !CHATTER.matcher(source).find()) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " starts with engine talk: \""
                                + target.substring(0, Math.min(60, target.length())) + "\"");
            }
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }
}
