package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;

/**
 * German quotation marks: double quotes ("…", “…”, ”…“) become „…“, single quotes used as quotation marks
 * ('…', ‘…’) become ‚…‘. Whether a mark opens or closes is decided by its neighbours; apostrophes inside or at
 * the end of words (don't, Peters') are left alone. When the marks of a segment do not pair up, or a straight
 * mark follows a digit (20x16" is inches), nothing changes.
 */
final class GermanQuotesRule implements PostEditRule {
    private static final String DOUBLE = "\"“”„";
    private static final String SINGLE = "'‘’‚";

    @Override
    public String name() {
        return "german-quotes";
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

    private static boolean convertDouble(char[] chars) {
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '"' && i > 0 && Character.isDigit(chars[i - 1])) {
                return false; // an inch or seconds mark (20x16"), so the marks cannot be paired safely
            }
            if (DOUBLE.indexOf(chars[i]) >= 0) {
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
            changed |= chars[marks.get(pair)] != '„' || chars[marks.get(pair + 1)] != '“';
            chars[marks.get(pair)] = '„';
            chars[marks.get(pair + 1)] = '“';
        }
        return changed;
    }

    private static boolean convertSingle(char[] chars) {
        boolean changed = false;
        for (int open = 0; open < chars.length; open++) {
            if (SINGLE.indexOf(chars[open]) < 0 || !isOpening(chars, open) || !isWordChar(chars, open + 1)) {
                continue;
            }
            for (int close = open + 1; close < chars.length; close++) {
                if (DOUBLE.indexOf(chars[close]) >= 0) {
                    break; // a single quotation never crosses a double one
                }
                if (SINGLE.indexOf(chars[close]) >= 0 && !isWordChar(chars, close + 1) && !isBlank(chars, close - 1)
                        && !isPluralPossessive(chars, close)) {
                    chars[open] = '‚';
                    chars[close] = '‘';
                    changed = true;
                    open = close;
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
        return chars[index - 1] == 's' && index + 1 < chars.length && chars[index + 1] == ' '
                && index + 2 < chars.length && Character.isLowerCase(chars[index + 2]);
    }
}
