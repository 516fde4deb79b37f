package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;

/**
 * A language's quotation marks. German: double quotes ("…", “…”, ”…“) become „…“, single quotes used as
 * quotation marks ('…', ‘…’) become ‚…‘. Spanish and Catalan: double quotes become «…», single ones “…”. Whether
 * a mark opens or closes is decided by its neighbours; apostrophes inside or at the end of words (don't, Peters',
 * l'home) are left alone. When the marks of a segment do not pair up, or a straight mark follows a digit (20x16"
 * is inches), nothing changes.
 */
final class QuotesRule implements PostEditRule {
    private static final String SINGLE = "'‘’‚";

    private final String name;
    /** The marks read as double quotation marks: every language's own, plus the English ones. */
    private final String doubleMarks;

    private final char open;
    private final char close;
    private final char singleOpen;
    private final char singleClose;

    private QuotesRule(String name, String doubleMarks, char open, char close, char singleOpen, char singleClose) {
        this.name = name;
        this.doubleMarks = doubleMarks;
        this.open = open;
        this.close = close;
        this.singleOpen = singleOpen;
        this.singleClose = singleClose;
    }

    static QuotesRule german() {
        return new QuotesRule("german-quotes", "\"“”„", '„', '“', '‚', '‘');
    }

    /** «…» first, “…” inside, as the Real Academia Española and the Institut d'Estudis Catalans recommend. */
    static QuotesRule angular(String name) {
        return new QuotesRule(name, "\"“”«»", '«', '»', '“', '”');
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> apply(List<String> pieces, String sourceText) {
        String joined = String.join("", pieces);
        char[] chars = joined.toCharArray();
        if (!convertDouble(chars) && !convertSingle(chars)) {
            return pieces;
        }
        List<String> result = new ArrayList<>(pieces.size());
        int offset = 0;
        for (String piece : pieces) {
            result.add(new String(chars, offset, piece.length()));
            offset += piece.length();
        }
        return result;
    }

    private boolean convertDouble(char[] chars) {
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '"' && i > 0 && Character.isDigit(chars[i - 1])) {
                return false; // an inch or seconds mark (20x16"), so the marks cannot be paired safely
            }
            if (doubleMarks.indexOf(chars[i]) >= 0) {
                marks.add(i);
            }
        }
        if (marks.isEmpty() || marks.size() % 2 != 0) {
            return false;
        }
        for (int pair = 0; pair < marks.size(); pair += 2) {
            int open = marks.get(pair);
            int close = marks.get(pair + 1);
            if (!isOpening(chars, open) || isOpening(chars, close)) {
                return false;
            }
        }
        boolean changed = false;
        for (int pair = 0; pair < marks.size(); pair += 2) {
            changed |= chars[marks.get(pair)] != open || chars[marks.get(pair + 1)] != close;
            chars[marks.get(pair)] = open;
            chars[marks.get(pair + 1)] = close;
        }
        return changed;
    }

    private boolean convertSingle(char[] chars) {
        boolean changed = false;
        for (int start = 0; start < chars.length; start++) {
            if (SINGLE.indexOf(chars[start]) < 0 || !isOpening(chars, start) || !isWordChar(chars, start + 1)) {
                continue;
            }
            for (int end = start + 1; end < chars.length; end++) {
                if (doubleMarks.indexOf(chars[end]) >= 0) {
                    break; // a single quotation never crosses a double one
                }
                if (SINGLE.indexOf(chars[end]) >= 0
                        && !isWordChar(chars, end + 1)
                        && !isBlank(chars, end - 1)
                        && !isPluralPossessive(chars, end)) {
                    changed |= chars[start] != singleOpen || chars[end] != singleClose;
                    chars[start] = singleOpen;
                    chars[end] = singleClose;
                    start = end;
                    break;
                }
            }
        }
        return changed;
    }

    /** A mark opens when it stands at the start or after a space or an opening bracket or dash. */
    private static boolean isOpening(char[] chars, int index) {
        if (index == 0) {
            return true;
        }
        char before = chars[index - 1];
        return Character.isWhitespace(before) || "([{–—/".indexOf(before) >= 0;
    }

    private static boolean isWordChar(char[] chars, int index) {
        return index < chars.length && Character.isLetterOrDigit(chars[index]);
    }

    private static boolean isBlank(char[] chars, int index) {
        return index < 0 || Character.isWhitespace(chars[index]);
    }

    /** "the teachers' room": an s followed by a mark and a space is more likely an apostrophe. */
    private static boolean isPluralPossessive(char[] chars, int index) {
        return chars[index - 1] == 's'
                && index + 1 < chars.length
                && chars[index + 1] == ' '
                && index + 2 < chars.length
                && Character.isLowerCase(chars[index + 2]);
    }
}
