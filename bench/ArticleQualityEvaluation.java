import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.postedit.PostEditReview;
import org.feedwerk.postedit.QualityGate;
import org.feedwerk.score.CorpusScores;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.LinguaLanguageDetector;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationReview;
import org.feedwerk.translate.TranslationStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * The quality gate at the level that matters, the article: WMT22 English→German (read from ../shared/eval, never
 * copied) grouped into articles of 16 consecutive segments (headline = the first, body = the rest as paragraphs),
 * each system's output replayed through the real post-edit stage and quality gate (PostEditReview) as an engine
 * would deliver it. Prints per system: articles held and the checks that held them; chrF before and after
 * post-editing; segments whose post-edit moved them away from reference A (sentence chrF fell). Every refusal is
 * written to target/article-holds.txt with source and translation, to be read by a person.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/ArticleQualityEvaluation.java [DIR]
 */
public class ArticleQualityEvaluation {
    static final String[] SYSTEMS = {"Online-B", "Online-G", "Lan-Bridge", "OpenNMT", "PROMT"};
    static final int ARTICLE_SEGMENTS = 16;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/wmt22-en-de");
        List<String> source = Files.readAllLines(dir.resolve("generaltest2022.en-de.src.en"));
        List<String> reference = Files.readAllLines(dir.resolve("generaltest2022.en-de.ref.A.de"));
        PostEditReview review =
                new PostEditReview(new QualityGate(new LinguaLanguageDetector(List.of("en", "de"))::detect));
        Files.createDirectories(Path.of("target"));
        try (PrintWriter holds = new PrintWriter(Files.newBufferedWriter(Path.of("target/article-holds.txt")))) {
            System.out.printf(
                    "%-11s %9s %6s %8s %8s %8s %10s  %s%n",
                    "system", "articles", "held", "held %", "chrF", "chrF+PE", "PE-away", "held by check");
            evaluate("reference", reference, reference, source, review, holds);
            for (String system : SYSTEMS) {
                evaluate(
                        system,
                        Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp." + system + ".de")),
                        reference,
                        source,
                        review,
                        holds);
            }
        }
        System.out.println("refusals with source and translation: target/article-holds.txt");
    }

    static void evaluate(
            String name,
            List<String> hypotheses,
            List<String> reference,
            List<String> source,
            TranslationReview review,
            PrintWriter holds) {
        int articles = 0;
        int held = 0;
        Map<String, Integer> byCheck = new TreeMap<>();
        List<String> edited = new ArrayList<>();
        int movedAway = 0;
        for (int start = 0; start + 1 < source.size(); start += ARTICLE_SEGMENTS) {
            int end = Math.min(source.size(), start + ARTICLE_SEGMENTS);
            articles++;
            RevisionContent content = RevisionContent.builder()
                    .headline(source.get(start))
                    .bodyHtml(paragraphs(source, start + 1, end))
                    .language("en")
                    .build();
            Translation draft = Translation.builder()
                    .articleId("wmt-" + start)
                    .revision(1)
                    .language("de")
                    .sourceLanguage("en")
                    .engine(name)
                    .status(TranslationStatus.TRANSLATED)
                    .headline(hypotheses.get(start))
                    .bodyHtml(paragraphs(hypotheses, start + 1, end))
                    .charsSent(0)
                    .charsReused(0)
                    .billed(0)
                    .translatedAt(Instant.EPOCH)
                    .build();
            TranslationReview.Reviewed reviewed = review.review(content, draft, Glossary.EMPTY);
            if (reviewed.blocking()) {
                held++;
                reviewed.failedChecks().forEach(check -> byCheck.merge(check, 1, Integer::sum));
                holds.printf("== %s, article at line %d: %s%n", name, start + 1, reviewed.summary());
                for (int line = start; line < end; line++) {
                    holds.printf(
                            "  %d EN %s%n  %d DE %s%n", line + 1, source.get(line), line + 1, hypotheses.get(line));
                }
            }
            List<String> after = new ArrayList<>();
            after.add(reviewed.translation().headline());
            Jsoup.parseBodyFragment(reviewed.translation().bodyHtml())
                    .select("p")
                    .forEach(paragraph -> after.add(paragraph.text()));
            for (int line = start; line < end; line++) {
                String before = hypotheses.get(line);
                String now = line - start < after.size() ? after.get(line - start) : before;
                edited.add(now);
                if (!now.equals(before)
                        && CorpusScores.chrf(List.of(now), List.of(reference.get(line)))
                                < CorpusScores.chrf(List.of(before), List.of(reference.get(line))) - 1e-9) {
                    movedAway++;
                    holds.printf(
                            "-- %s line %d post-edit moved away from reference A:%n  was %s%n  now %s%n  ref %s%n",
                            name, line + 1, before, now, reference.get(line));
                }
            }
        }
        List<String> scored = hypotheses.subList(0, edited.size());
        System.out.printf(
                "%-11s %9d %6d %7.1f%% %8.2f %8.2f %10d  %s%n",
                name,
                articles,
                held,
                100.0 * held / articles,
                CorpusScores.chrf(scored, reference.subList(0, edited.size())),
                CorpusScores.chrf(edited, reference.subList(0, edited.size())),
                movedAway,
                byCheck);
    }

    static String paragraphs(List<String> lines, int from, int to) {
        StringBuilder html = new StringBuilder();
        for (int line = from; line < to; line++) {
            html.append("<p>").append(Entities.escape(lines.get(line))).append("</p>");
        }
        return html.toString();
    }
}
