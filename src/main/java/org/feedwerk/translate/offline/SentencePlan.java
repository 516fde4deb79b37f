package org.feedwerk.translate.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one sentence is translated by a model that cannot carry inline markup tokens ({@code ⟦1⟧…⟦/1⟧},
 * {@code ⟦2/⟧}). A sentence without tokens is one unit. A sentence whose tokens are simple pairs is translated
 * whole, without them, and each pair's inner text on its own; the pair is put around the inner text's
 * translation where it stands in the whole one ("Read ⟦1⟧the report⟦/1⟧ today." → "Lesen Sie heute ⟦1⟧den
 * Bericht⟦/1⟧."). When that fails — a nested or empty element, an inner translation the whole one does not
 * contain — the text between the tokens is translated run by run and the tokens are kept in order: always intact
 * markup, at some cost in fluency.
 */
final class SentencePlan {
    private static final Pattern TOKEN = Pattern.compile("⟦(/?)(\\d{1,4})(/?)⟧");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final String text;
    private final boolean hasTokens;
    private final String plain;
    private final List<Pair> pairs;
    private final List<Run> runs;
    private String aligned;

    private record Pair(String open, String close, String inner) {}

    /** Text between tokens; {@code translate} when it has letters. */
    private record Run(String text, boolean translate) {}

    SentencePlan(String text) {
        this.text = text;
        this.hasTokens = TOKEN.matcher(text).find();
        this.runs = runs(text);
        List<Pair> simplePairs = simplePairs(text);
        this.pairs = simplePairs;
        this.plain = simplePairs == null ? null : TOKEN.matcher(text).replaceAll("");
    }

    /** Units for the first round: the sentence, or the sentence without tokens and the inner texts of its pairs. */
    void collectWhole(Set<String> units) {
        if (!hasTokens) {
            if (LETTER.matcher(text).find()) {
                units.add(text.strip());
            }
        } else if (plain != null) {
            units.add(plain.strip());
            pairs.forEach(pair -> units.add(pair.inner()));
        }
    }

    /** Puts the pairs into the whole translation; false when the runs are needed. */
    boolean align(Map<String, String> translations) {
        if (!hasTokens) {
            aligned = LETTER.matcher(text).find() ? surround(text, translations.get(text.strip())) : text;
            return true;
        }
        if (plain == null) {
            return false;
        }
        String result = translations.get(plain.strip());
        int cursor = 0;
        for (Pair pair : pairs) {
            String inner = translations.get(pair.inner()).strip();
            int at = indexOf(result, inner, cursor);
            if (at < 0) {
                return false;
            }
            result = result.substring(0, at)
                    + pair.open()
                    + result.substring(at, at + inner.length())
                    + pair.close()
                    + result.substring(at + inner.length());
            cursor = at + pair.open().length() + inner.length() + pair.close().length();
        }
        aligned = surround(text, result);
        return true;
    }

    /** Units for the second round: the runs between tokens. */
    void collectRuns(Set<String> units) {
        runs.stream().filter(Run::translate).forEach(run -> units.add(run.text().strip()));
    }

    String assemble(Map<String, String> translations) {
        if (aligned != null) {
            return aligned;
        }
        StringBuilder joined = new StringBuilder();
        for (Run run : runs) {
            joined.append(
                    run.translate()
                            ? surround(run.text(), translations.get(run.text().strip()))
                            : run.text());
        }
        return joined.toString();
    }

    /** Case-insensitive where lower-casing keeps the lengths (it does not for a few letters such as "İ"). */
    private static int indexOf(String text, String part, int from) {
        if (part.isEmpty()) {
            return -1;
        }
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerPart = part.toLowerCase(Locale.ROOT);
        return lowerText.length() == text.length() && lowerPart.length() == part.length()
                ? lowerText.indexOf(lowerPart, from)
                : text.indexOf(part, from);
    }

    /** The translation with the original's leading and trailing whitespace. */
    private static String surround(String original, String translation) {
        String strippedStart = original.stripLeading();
        String leading = original.substring(0, original.length() - strippedStart.length());
        String trailing = strippedStart.substring(strippedStart.stripTrailing().length());
        return leading + translation + trailing;
    }

    /** Text and tokens in order; a token is a run that is kept as it is. */
    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        int start = 0;
        while (token.find()) {
            addText(text.substring(start, token.start()), runs);
            runs.add(new Run(token.group(), false));
            start = token.end();
        }
        addText(text.substring(start), runs);
        return runs;
    }

    private static void addText(String text, List<Run> runs) {
        if (!text.isEmpty()) {
            runs.add(new Run(text, LETTER.matcher(text).find()));
        }
    }

    /** The pairs when every token opens or closes a pair with only text inside; null otherwise. */
    private static List<Pair> simplePairs(String text) {
        List<Pair> pairs = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        String openToken = null;
        String openNumber = null;
        int innerStart = 0;
        boolean any = false;
        while (token.find()) {
            any = true;
            boolean closing = !token.group(1).isEmpty();
            boolean empty = !token.group(3).isEmpty();
            if (empty || closing && openNumber == null || !closing && openNumber != null) {
                return null;
            }
            if (closing) {
                String inner = text.substring(innerStart, token.start()).strip();
                if (!token.group(2).equals(openNumber) || !LETTER.matcher(inner).find()) {
                    return null;
                }
                pairs.add(new Pair(openToken, token.group(), inner));
                openNumber = null;
            } else {
                openToken = token.group();
                openNumber = token.group(2);
                innerStart = token.end();
            }
        }
        return any && openNumber == null ? pairs : null;
    }
}
