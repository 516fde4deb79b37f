package org.feedwerk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sentence splitter of Feedwerk, for counting sentences in the quality checks and for cutting paragraphs
 * for the offline engine. A sentence ends at {@code . ! ? …} (and closing quotes or brackets) followed by
 * whitespace and a capital letter, a digit, a letter of a script without case or an opening quote, and at
 * Chinese and Japanese {@code 。！？}; not at the period of an abbreviation, a title, an
 * initial, a dotted acronym ("U.S.", "a.m.") or, in German, an ordinal ("am 24. März"), and not at an ellipsis
 * unless a quotation closes right after it.
 */
public final class Sentences {
    /**
     * Groups 1–3: a Latin-script end followed by a capital, a digit or a letter of a script without case (Hangul,
     * Arabic, Hebrew …); group 4: a full stop, exclamation or question mark of Chinese and Japanese (。！？), which
     * needs no space after it.
     */
    private static final Pattern BOUNDARY =
            Pattern.compile("([.!?…]+)([\"“”„'’‘»«)\\]]*)(\\s+)(?=[\"“„'‘‚»«(\\[]?[\\p{Lu}\\d\\p{Lo}])"
                    + "|([。！？]++[」』）\"”’)]*+\\s*+)(?=\\S)");

    private static final String CLOSING_QUOTES = "\"“”'’»«)";

    private Sentences() {}

    /** Offsets at which sentences start (the first is always 0); whitespace between sentences ends the previous. */
    public static List<Integer> starts(String text, String language) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher matcher = BOUNDARY.matcher(text);
        while (matcher.find()) {
            if (matcher.group(4) != null) {
                starts.add(matcher.end());
                continue;
            }
            boolean singlePeriod = matcher.group(1).equals(".");
            if (singlePeriod && Abbreviations.endsWithAbbreviation(text.subSequence(0, matcher.start()), language)) {
                continue;
            }
            boolean ellipsis = matcher.group(1).matches("[.…]+") && !singlePeriod;
            boolean quoteClosed = !matcher.group(2).isEmpty()
                    || matcher.start() > 0 && CLOSING_QUOTES.indexOf(text.charAt(matcher.start() - 1)) >= 0;
            if (ellipsis && !quoteClosed) {
                continue; // "… I have both": a pause inside a sentence, unless a quotation closes at it
            }
            if (matcher.end() < text.length()) {
                starts.add(matcher.end());
            }
        }
        return starts;
    }

    /** The sentences of {@code text}, stripped. */
    public static List<String> split(String text, String language) {
        List<String> sentences = new ArrayList<>();
        List<Integer> starts = starts(text, language);
        for (int index = 0; index < starts.size(); index++) {
            int end = index + 1 < starts.size() ? starts.get(index + 1) : text.length();
            String sentence = text.substring(starts.get(index), end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    public static int count(String text, String language) {
        return text.isBlank() ? 0 : split(text, language).size();
    }
}
