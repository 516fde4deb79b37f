import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.ModelsConfig;
import org.feedwerk.config.OnnxEngineConfig;
import org.feedwerk.score.CorpusScores;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.TranslationEngine;

/**
 * The offline engine on real data: translates the WMT22 English-German source (read from ../shared/eval, never
 * copied) with an installed OPUS-MT model and scores it against reference A, next to the five WMT22 systems scored
 * on the same lines in the same run (the baseline: the ratio is chrF of the model / chrF of Online-B).
 *
 * Needs the model: ./feedwerk models pull opus-mt-en-de (or --from a mirror). Without it the program says so and
 * exits with 2.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/OfflineEngineEvaluation.java \
 *        [MODELS_DIR=data/models] [BEAMS=model default] [LINES=all] [EVAL_DIR=../shared/eval/wmt22-en-de]
 */
public class OfflineEngineEvaluation {
    static final String[] SYSTEMS = {"Online-B", "Online-G", "Lan-Bridge", "OpenNMT", "PROMT"};

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "data/models");
        Integer beams = args.length > 1 && !args[1].equals("default") ? Integer.valueOf(args[1]) : null;
        Path dir = Path.of(args.length > 3 ? args[3] : "../shared/eval/wmt22-en-de");
        List<String> source = Files.readAllLines(dir.resolve("generaltest2022.en-de.src.en"));
        int lines = args.length > 2 && !args[2].equals("all") ? Integer.parseInt(args[2]) : source.size();
        source = source.subList(0, lines);
        List<String> reference = Files.readAllLines(dir.resolve("generaltest2022.en-de.ref.A.de"))
                .subList(0, lines);

        EngineConfig config =
                new OnnxEngineConfig("opus-mt", "opus-mt-en-de", null, List.of(), null, null, beams, null, true);
        TranslationEngine engine = new EngineFactory(
                        Map.of(),
                        Clock.systemUTC(),
                        Sleeper.REAL,
                        models,
                        new ModelsConfig(models, null, false),
                        Runnable::run)
                .create(config);
        if (engine.unavailableReason().isPresent()) {
            System.err.println(engine.unavailableReason().get());
            System.exit(2);
        }
        long characters = source.stream().mapToLong(String::length).sum();
        long start = System.nanoTime();
        List<String> hypotheses = new ArrayList<>();
        for (int from = 0; from < source.size(); from += 32) {
            List<String> chunk = source.subList(from, Math.min(source.size(), from + 32));
            hypotheses.addAll(engine.translate(new EngineRequest("en", "de", TextFormat.PLAIN, chunk))
                    .texts());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        double baseline = CorpusScores.chrf(
                Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp.Online-B.de"))
                        .subList(0, lines),
                reference);
        System.out.printf(
                "%d lines, %d characters%n%n%-12s %7s %7s %10s%n",
                lines, characters, "system", "BLEU", "chrF", "chrF/B");
        double chrf = CorpusScores.chrf(hypotheses, reference);
        System.out.printf(
                "%-12s %7.2f %7.2f %10.3f   (%.0f characters/s, %.1f s)%n",
                "opus-mt",
                CorpusScores.bleu(hypotheses, reference),
                chrf,
                chrf / baseline,
                characters / seconds,
                seconds);
        for (String system : SYSTEMS) {
            List<String> output = Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp." + system + ".de"))
                    .subList(0, lines);
            double systemChrf = CorpusScores.chrf(output, reference);
            System.out.printf(
                    "%-12s %7.2f %7.2f %10.3f%n",
                    system, CorpusScores.bleu(output, reference), systemChrf, systemChrf / baseline);
        }
    }
}
