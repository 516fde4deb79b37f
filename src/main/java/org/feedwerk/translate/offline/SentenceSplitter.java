package org.feedwerk.translate.offline;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts a paragraph into sentences, because Marian models are trained on sentence pairs and drop or repeat text
 * when given a whole paragraph. The whitespace between sentences is kept, so joining the parts gives the input
 * back. The JDK's sentence rules also break after titles ("Mr. Smith") and before a lower-case continuation
 * ("Stop!" she said); such breaks are undone.
 */
final class SentenceSplitter {
    private static final Pattern ABBREVIATION_AT_END = Pattern.compile("(?:^|[\\s(\"“‘])(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|"
            + "Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rev|Jr|Sr|No|Nos|Nr|Art|Fig|vs|etc|approx|Inc|Ltd|Co|Corp|"
            + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|z\\.\\s?B|bzw|usw|ca|Hr|Fr|Nr|Abs|ggf|vgl|u\\.\\s?a|"
            + "[A-Z])\\.$");

    private final Locale locale;

    SentenceSplitter(String language) {
        this.locale = Locale.forLanguageTag(language);
    }

    /** The start offsets of the sentences, after undoing breaks that are not sentence ends. */
    private List<Integer> starts(String paragraph) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(paragraph);
        List<Integer> starts = new ArrayList<>();
        int start = sentences.first();
        starts.add(start);
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            if (end >= paragraph.length()) {
                break;
            }
            String before = paragraph.substring(starts.get(starts.size() - 1), end).strip();
            char next = paragraph.charAt(end);
            if (ABBREVIATION_AT_END.matcher(before).find() || Character.isLowerCase(next)) {
                continue;
            }
            starts.add(end);
        }
        return starts;
    }

    /** The sentences and the whitespace after each, alternating: sentence, gap, sentence, gap … */
    List<Part> split(String paragraph) {
        List<Part> parts = new ArrayList<>();
        List<Integer> starts = starts(paragraph);
        for (int index = 0; index < starts.size(); index++) {
            int end = index + 1 < starts.size() ? starts.get(index + 1) : paragraph.length();
            String piece = paragraph.substring(starts.get(index), end);
            int trimmed = piece.length();
            while (trimmed > 0 && Character.isWhitespace(piece.charAt(trimmed - 1))) {
                trimmed--;
            }
            int leading = 0;
            while (leading < trimmed && Character.isWhitespace(piece.charAt(leading))) {
                leading++;
            }
            if (leading > 0) {
                parts.add(new Part(piece.substring(0, leading), false));
            }
            if (trimmed > leading) {
                parts.add(new Part(piece.substring(leading, trimmed), true));
            }
            if (trimmed < piece.length()) {
                parts.add(new Part(piece.substring(trimmed), false));
            }
        }
        return parts;
    }

    /** A sentence to translate, or text kept as it is. */
    record Part(String text, boolean translate) {}
}
