package org.feedwerk.translate.offline;

import java.util.ArrayList;
import java.util.List;
import org.feedwerk.text.Sentences;

/**
 * Cuts a paragraph into sentences, because Marian models are trained on sentence pairs and drop or repeat text
 * when given a whole paragraph. The whitespace between sentences is kept, so joining the parts gives the input
 * back. Where sentences end is decided by {@link Sentences}, the splitter the quality checks count with.
 */
final class SentenceSplitter {
    private final String language;

    SentenceSplitter(String language) {
        this.language = language;
    }

    /** The sentences and the whitespace after each, alternating: sentence, gap, sentence, gap … */
    List<Part> split(String paragraph) {
        List<Part> parts = new ArrayList<>();
        List<Integer> starts = Sentences.starts(paragraph, language);
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
