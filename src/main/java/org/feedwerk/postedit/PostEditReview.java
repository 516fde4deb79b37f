package org.feedwerk.postedit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.html.BodySegments;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationReview;
import org.feedwerk.translate.TranslationStatus;

/**
 * The post-edit stage for the translator: applies the target language's rules to a draft translation, runs the
 * quality gate on the result and attaches the report. The original text of an article already in the target
 * language is neither edited nor judged.
 */
public final class PostEditReview implements TranslationReview {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QualityGate gate;

    public PostEditReview(QualityGate gate) {
        this.gate = gate;
    }

    @Override
    public Reviewed review(RevisionContent source, Translation draft, Glossary glossary) {
        if (Translation.ORIGINAL_ENGINE.equals(draft.engine())) {
            return new Reviewed(draft, false, List.of(), "");
        }
        PostEditor editor = new PostEditor(draft.language());
        PostEditor.Edited headline = editor.editPlain(draft.headline(), source.headline());
        PostEditor.Edited teaser = editor.editPlain(draft.teaser(), source.teaser());
        PostEditor.Edited body = editor.editHtml(draft.bodyHtml(), source.bodyHtml());
        Set<String> rules = new LinkedHashSet<>(headline.rules());
        rules.addAll(teaser.rules());
        rules.addAll(body.rules());
        QaInput input = new QaInput(
                draft.sourceLanguage(),
                draft.language(),
                segments(source.headline(), source.teaser(), source.bodyHtml()),
                segments(headline.text(), teaser.text(), body.text()),
                source.bodyHtml(),
                body.text(),
                glossary);
        QaReport report = gate.check(input, List.copyOf(rules));
        Translation reviewed = draft.toBuilder()
                .status(TranslationStatus.TRANSLATED)
                .headline(headline.text())
                .teaser(teaser.text())
                .bodyHtml(body.text())
                .postEdits(List.copyOf(rules))
                .qaReport(json(report))
                .build();
        return new Reviewed(reviewed, report.isBlocking(), report.failedChecks(), report.summary());
    }

    private static List<String> segments(String headline, String teaser, String bodyHtml) {
        List<String> segments = new ArrayList<>();
        segments.add(headline);
        if (teaser != null) {
            segments.add(teaser);
        }
        BodySegments.of(bodyHtml).texts().forEach(segment -> segments.add(ArticleHtml.plainText(segment)));
        return segments;
    }

    static String json(QaReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
    }
}
