package org.feedwerk.postedit;

import java.util.List;
import org.feedwerk.translate.Glossary;

/**
 * What the checks compare: the plain text of each segment (headline, teaser, body blocks) in source and target,
 * in the same order, and the HTML bodies for the markup check.
 */
public record QaInput(
        String sourceLanguage,
        String targetLanguage,
        List<String> sourceSegments,
        List<String> targetSegments,
        String sourceHtml,
        String targetHtml,
        Glossary glossary) {

    public QaInput {
        sourceSegments = List.copyOf(sourceSegments);
        targetSegments = List.copyOf(targetSegments);
        glossary = glossary == null ? Glossary.EMPTY : glossary;
    }

    public String sourceText() {
        return String.join("\n", sourceSegments);
    }

    public String targetText() {
        return String.join("\n", targetSegments);
    }
}
