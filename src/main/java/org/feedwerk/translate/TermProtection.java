package org.feedwerk.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glossary terms and untranslatable names travel through engines as tokens ({@code ⟦T1⟧}) that engines leave
 * alone, and are replaced by the required target term afterwards. A token the engine lost leaves the term out;
 * the terms check then rejects the translation.
 */
final class TermProtection {
    private static final Pattern TOKEN = Pattern.compile("⟦T(\\d+)⟧");

    private final List<String> targets = new ArrayList<>();
    private final List<Map.Entry<Pattern, Integer>> patterns = new ArrayList<>();

    TermProtection(Glossary glossary) {
        int number = 0;
        for (Map.Entry<String, String> term : glossary.requiredTranslations().entrySet()) {
            targets.add(term.getValue());
            patterns.add(Map.entry(glossary.patternFor(term.getKey()), number++));
        }
    }

    String protect(String text) {
        String protectedText = text;
        for (Map.Entry<Pattern, Integer> term : patterns) {
            protectedText = term.getKey().matcher(protectedText).replaceAll("⟦T" + (term.getValue() + 1) + "⟧");
        }
        return protectedText;
    }

    String restore(String translated) {
        Matcher matcher = TOKEN.matcher(translated);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1)) - 1;
            String replacement = index < targets.size() ? targets.get(index) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
