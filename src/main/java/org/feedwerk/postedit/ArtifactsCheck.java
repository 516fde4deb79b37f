package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a broken engine leaves in its output and no source has: model tokens ({@code <unk>}, {@code </s>},
 * {@code <pad>}, also escaped), SentencePiece and BPE markers ({@code ▁}, {@code @@}), a word or phrase repeated
 * three times in a row (a decoder loop), and a quotation mark it opened and never closed.
 */
final class ArtifactsCheck implements QualityCheck {
    static final String NAME = "artifacts";
    private static final Pattern MODEL_TOKEN =
            Pattern.compile("<(?:unk|/?s|pad|mask)>|&lt;(?:unk|/?s|pad|mask)&gt;|\\[(?:UNK|PAD|MASK)\\]|▁|@@(?:\\s|$)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");
    private static final int LONGEST_LOOP = 4;

    @Override
    public CheckResult check(QaInput input) {
        String source = input.sourceText();
        String target = input.targetText();
        Matcher token = MODEL_TOKEN.matcher(target);
        if (token.find() && !MODEL_TOKEN.matcher(source).find()) {
            return CheckResult.fail(
                    NAME, Severity.BLOCKING, "engine token \"" + token.group().strip() + "\" in the translation");
        }
        if (loop(source) == null) {
            for (String segment : input.targetSegments()) {
                String loop = loop(segment);
                if (loop != null) {
                    return CheckResult.fail(NAME, Severity.BLOCKING, "repeated in a loop: \"" + loop + "\"");
                }
            }
        }
        for (int index = 0; index < input.targetSegments().size(); index++) {
            String sourceSegment = index < input.sourceSegments().size()
                    ? input.sourceSegments().get(index)
                    : "";
            String segment = input.targetSegments().get(index);
            if (unbalancedQuotes(segment) && !unbalancedQuotes(sourceSegment)) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " opens a quotation it never closes, or closes one it never opened");
            }
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }

    /** One to four words said three times in a row ("die die die", "in der Stadt in der Stadt in der Stadt"). */
    static String loop(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        for (int length = 1; length <= LONGEST_LOOP; length++) {
            for (int start = 0; start + 3 * length <= words.size(); start++) {
                List<String> phrase = words.subList(start, start + length);
                if (phrase.equals(words.subList(start + length, start + 2 * length))
                        && phrase.equals(words.subList(start + 2 * length, start + 3 * length))) {
                    return String.join(" ", phrase);
                }
            }
        }
        return null;
    }

    /**
     * Double quotation marks of any style („…“, “…”, »…«, "…") come in pairs within a paragraph; an odd number
     * means one was opened and never closed (or the other way round).
     */
    static boolean unbalancedQuotes(String text) {
        return text.chars()
                                .filter(c -> c == '"' || c == '„' || c == '“' || c == '”' || c == '»' || c == '«')
                                .count()
                        % 2
                != 0;
    }
}
