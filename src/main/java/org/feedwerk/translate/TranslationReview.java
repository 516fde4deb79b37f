package org.feedwerk.translate;

import java.util.List;
import org.feedwerk.article.RevisionContent;

/**
 * The post-edit and quality stage as the translator sees it: it corrects a draft translation by rule and judges
 * it. Implemented in {@code postedit}; the translator stores the outcome and, when it blocks, tries the next
 * engine.
 */
public interface TranslationReview {
    /** The edited translation (with its report attached), and whether a blocking check failed. */
    record Reviewed(Translation translation, boolean blocking, List<String> failedChecks, String summary) {}

    Reviewed review(RevisionContent source, Translation draft, Glossary glossary);

    /** No post-editing and no checks. */
    TranslationReview NONE = (source, draft, glossary) -> new Reviewed(draft, false, List.of(), "");
}
