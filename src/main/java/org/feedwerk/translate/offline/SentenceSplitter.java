package org.feedwerk.translate.offline;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a paragraph into sentences, because Marian models are trained on sentence pairs and drop or repeat text
 * when given a whole paragraph. The whitespace between sentences is kept, so joining the parts gives the input
 * back.
 */
final class SentenceSplitter {
    private final Locale locale;

    SentenceSplitter(String language) {
        this.locale = Locale.forLanguageTag(language);
    }

    /** The sentences and the whitespace after each, alternating: sentence, gap, sentence, gap … */
    List<Part> split(String paragraph) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(paragraph);
        List<Part> parts = new ArrayList<>();
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            String piece = paragraph.substring(start, end);
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
