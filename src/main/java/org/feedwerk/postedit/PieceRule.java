package org.feedwerk.postedit;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule that corrects each text node on its own with regular expressions. */
class PieceRule implements PostEditRule {
    private final String name;
    private final UnaryOperator<String> edit;

    PieceRule(String name, UnaryOperator<String> edit) {
        this.name = name;
        this.edit = edit;
    }

    static PieceRule replacing(String name, String regex, String replacement) {
        Pattern pattern = Pattern.compile(regex);
        return new PieceRule(name, text -> pattern.matcher(text).replaceAll(replacement));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> apply(List<String> pieces, String sourceText) {
        return pieces.stream().map(edit).toList();
    }

    static String replaceAll(String text, Pattern pattern, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
