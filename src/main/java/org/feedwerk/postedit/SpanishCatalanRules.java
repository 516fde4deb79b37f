package org.feedwerk.postedit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.text.Sentences;

/**
 * The post-edit rules for Spanish and Catalan, in the order they run; each leaves correct text alone. Engines
 * that carry English punctuation over (Apertium does) write "Es verdad?" and "col.lecció"; Spanish needs the
 * opening ¿ and ¡, Catalan the middle dot of the geminated l, both the angular quotation marks.
 */
public final class SpanishCatalanRules {
    /** "col.lecció", "intel.ligent": a full stop (or bullet) between two l's inside one word. */
    private static final Pattern GEMINATED_L = Pattern.compile("(?<=\\p{L}l)[.•](?=l\\p{L})");

    private static final Pattern WEB_TOKEN = Pattern.compile("\\S*(?:www\\.|://|@)\\S*|\\S*\\.\\S*\\.\\S*");

    private SpanishCatalanRules() {}

    public static List<PostEditRule> spanish() {
        return List.of(QuotesRule.angular("spanish-quotes"), invertedMarks());
    }

    public static List<PostEditRule> catalan() {
        return List.of(QuotesRule.angular("catalan-quotes"), geminatedL());
    }

    /**
     * A Spanish question or exclamation opens with ¿ or ¡: a sentence that ends with ? (or !) and has no ¿ (¡)
     * anywhere gets one before its first word, after any opening quotation mark or bracket. A sentence that has
     * one ("Si vienes, ¿me avisas?") is left alone, and so is a segment split over several text nodes (a rule
     * that is not sure changes nothing).
     */
    static PostEditRule invertedMarks() {
        return new PostEditRule() {
            @Override
            public String name() {
                return "spanish-inverted-marks";
            }

            @Override
            public List<String> apply(List<String> pieces, String sourceText) {
                if (pieces.size() != 1) {
                    return pieces;
                }
                String text = pieces.get(0);
                StringBuilder edited = new StringBuilder(text.length() + 4);
                List<Integer> starts = Sentences.starts(text, "es");
                for (int index = 0; index < starts.size(); index++) {
                    int start = starts.get(index);
                    int end = index + 1 < starts.size() ? starts.get(index + 1) : text.length();
                    edited.append(opened(text.substring(start, end)));
                }
                String result = edited.toString();
                return result.equals(text) ? pieces : List.of(result);
            }
        };
    }

    private static String opened(String sentence) {
        String trimmed = sentence.stripTrailing();
        String closing = trimmed.replaceAll("^.*?([»”\"')\\]]*)$", "$1");
        String body = trimmed.substring(0, trimmed.length() - closing.length());
        char last = body.isEmpty() ? ' ' : body.charAt(body.length() - 1);
        char opening = last == '?' ? '¿' : last == '!' ? '¡' : 0;
        if (opening == 0 || sentence.indexOf(opening) >= 0) {
            return sentence;
        }
        int at;
        if (!closing.isEmpty()) {
            // "Gritó: «Qué día!»": the question or exclamation is the quotation; it opens after its mark.
            int quote = Math.max(body.lastIndexOf('«'), Math.max(body.lastIndexOf('“'), body.lastIndexOf('"')));
            if (quote < 0) {
                return sentence;
            }
            at = quote + 1;
        } else {
            // Where the question starts after a comma or colon ("Pero, ¿es verdad?") the rule cannot tell.
            if (body.substring(0, body.length() - 1).matches("(?s).*[,;:].*")) {
                return sentence;
            }
            at = 0;
            while (at < sentence.length()
                    && (Character.isWhitespace(sentence.charAt(at)) || "(—–-".indexOf(sentence.charAt(at)) >= 0)) {
                at++;
            }
        }
        if (at >= sentence.length() || !Character.isLetterOrDigit(sentence.charAt(at))) {
            return sentence;
        }
        return sentence.substring(0, at) + opening + sentence.substring(at);
    }

    /** Catalan "l·l": "col.lecció" → "col·lecció"; web and e-mail addresses are left alone. */
    static PostEditRule geminatedL() {
        return new PostEditRule() {
            @Override
            public String name() {
                return "catalan-geminated-l";
            }

            @Override
            public List<String> apply(List<String> pieces, String sourceText) {
                List<String> edited =
                        pieces.stream().map(SpanishCatalanRules::withMiddleDots).toList();
                return edited.equals(pieces) ? pieces : edited;
            }
        };
    }

    private static String withMiddleDots(String text) {
        Matcher geminated = GEMINATED_L.matcher(text);
        StringBuilder result = new StringBuilder();
        int copied = 0;
        while (geminated.find()) {
            int tokenStart = text.lastIndexOf(' ', geminated.start()) + 1;
            int tokenEnd = text.indexOf(' ', geminated.end());
            String token = text.substring(tokenStart, tokenEnd < 0 ? text.length() : tokenEnd);
            if (WEB_TOKEN.matcher(token.replaceAll("[.,;:!?»”)]+$", "")).matches()) {
                continue;
            }
            result.append(text, copied, geminated.start()).append('·');
            copied = geminated.end();
        }
        return copied == 0 ? text : result.append(text.substring(copied)).toString();
    }
}
