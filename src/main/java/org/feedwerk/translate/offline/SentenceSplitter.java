package org.feedwerk.translate.offline;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.feedwerk.text.Abbreviations;

/**
 * Cuts a paragraph into sentences, because Marian models are trained on sentence pairs and drop or repeat text
 * when given a whole paragraph. The whitespace between sentences is kept, so joining the parts gives the input
 * back. The JDK's sentence rules also break after titles ("Mr. Smith") and before a lower-case continuation
 * ("Stop!" she said); such breaks are undone.
 */
final class SentenceSplitter {
    private final Locale locale;
    private final String language;

    SentenceSplitter(String language) {
        this.locale = Locale.forLanguageTag(language);
        this.language = language;
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
            boolean abbreviation = before.endsWith(".")
                    && Abbreviations.endsWithAbbreviation(before.substring(0, before.length() - 1), language);
            if (abbreviation || Character.isLowerCase(next)) {
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
