package org.feedwerk.score;

import java.util.List;
import java.util.regex.Pattern;

/** The "13a" tokenizer of mteval-v13a as sacreBLEU implements it (its default for BLEU). */
public final class Tokenizer13a {
    private static final Pattern SYMBOLS = Pattern.compile("([\\{-~\\[-`\\x20-&\\(-\\+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
    /** What Python's {@code str.split()} splits on: Unicode white space (no-break spaces too) and \x1c–\x1f. */
    static final Pattern PYTHON_WHITESPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    private Tokenizer13a() {}

    public static List<String> tokenize(String line) {
        String text = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (text.indexOf('&') >= 0) {
            text = text.replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
        }
        text = " " + text + " ";
        text = SYMBOLS.matcher(text).replaceAll(" $1 ");
        text = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(text).replaceAll("$1 $2 ");
        text = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(text).replaceAll(" $1 $2");
        text = DASH_AFTER_DIGIT.matcher(text).replaceAll("$1 $2 ");
        String trimmed = PYTHON_WHITESPACE.matcher(text).replaceAll(" ").strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" "));
    }
}
