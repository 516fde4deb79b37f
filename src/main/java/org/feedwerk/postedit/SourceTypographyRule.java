package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typography that English and German share (the ellipsis "…", the dash "–") follows the source: where the agency
 * wrote the typographic character and the engine gave back an ASCII stand-in ("...", " - "), the character is
 * restored; where the agency itself wrote the stand-in, the translation keeps it, as a faithful, unedited
 * translation should. Only without a source text (the {@code postedit} command without {@code --source}) are all
 * stand-ins replaced, as German typesetting wants.
 */
final class SourceTypographyRule implements PostEditRule {
    private final String name;
    private final Pattern asciiInTarget;
    private final String replacement;
    private final Pattern typographicInSource;
    private final Pattern typographicInTarget;

    SourceTypographyRule(String name, String asciiInTarget, String replacement, String typographicInSource,
            String typographicInTarget) {
        this.name = name;
        this.asciiInTarget = Pattern.compile(asciiInTarget);
        this.replacement = replacement;
        this.typographicInSource = Pattern.compile(typographicInSource);
        this.typographicInTarget = Pattern.compile(typographicInTarget);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> apply(List<String> pieces, String sourceText) {
        int allowed;
        if (sourceText == null || sourceText.isBlank()) {
            allowed = Integer.MAX_VALUE;
        } else {
            allowed = count(typographicInSource, sourceText) - pieces.stream()
                    .mapToInt(piece -> count(typographicInTarget, piece)).sum();
        }
        List<String> edited = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            Matcher matcher = asciiInTarget.matcher(piece);
            StringBuilder out = new StringBuilder();
            while (allowed > 0 && matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
                allowed--;
            }
            matcher.appendTail(out);
            edited.add(out.toString());
        }
        return edited;
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
