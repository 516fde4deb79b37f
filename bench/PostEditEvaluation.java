import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.postedit.GermanRules;
import org.feedwerk.postedit.PostEditRule;
import org.feedwerk.postedit.PostEditor;
import org.feedwerk.postedit.QaInput;
import org.feedwerk.postedit.QaReport;
import org.feedwerk.postedit.QualityGate;
import org.feedwerk.score.CorpusScores;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.LinguaLanguageDetector;

/**
 * Post-editing and the quality gate on real data: the WMT22 English-German test set (read from ../shared/eval,
 * never copied) with five systems' outputs. Prints chrF and BLEU against reference A before and after post-editing,
 * the rate at which the gate blocks these professional outputs, and the rate at which it catches defects injected
 * into them (a number changed, the last sentence dropped, the segment left in English).
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/PostEditEvaluation.java [DIR]
 */
public class PostEditEvaluation {
    static final String[] SYSTEMS = {"Online-B", "Online-G", "Lan-Bridge", "OpenNMT", "PROMT"};
    static final Pattern NUMBER = Pattern.compile("\\d+");
    static final Pattern LAST_SENTENCE = Pattern.compile("^(.*[.!?])\\s+[^.!?]+[.!?]?$");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/wmt22-en-de");
        List<String> source = Files.readAllLines(dir.resolve("generaltest2022.en-de.src.en"));
        List<String> reference = Files.readAllLines(dir.resolve("generaltest2022.en-de.ref.A.de"));
        QualityGate gate = new QualityGate(new LinguaLanguageDetector(List.of("en", "de"))::detect);
        PostEditor editor = new PostEditor("de");

        System.out.printf(
                "%-11s %8s %8s %7s %8s %8s %7s %9s%n",
                "system", "chrF", "chrF+PE", "delta", "BLEU", "BLEU+PE", "delta", "blocked");
        report("reference", reference, reference, source, editor, gate);
        for (String system : SYSTEMS) {
            report(
                    system,
                    Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp." + system + ".de")),
                    reference,
                    source,
                    editor,
                    gate);
        }
        injectDefects(Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp.Online-B.de")), source, gate);
        System.out.println();
        System.out.println("chrF change per rule alone (lines changed):");
        ablation("reference", reference, reference, source);
        for (String system : SYSTEMS) {
            ablation(
                    system,
                    Files.readAllLines(dir.resolve("generaltest2022.en-de.hyp." + system + ".de")),
                    reference,
                    source);
        }
    }

    /** Each rule on its own: which rules move chrF against reference A, and how many lines they touch. */
    static void ablation(String name, List<String> hypotheses, List<String> reference, List<String> source) {
        double base = CorpusScores.chrf(hypotheses, reference);
        StringBuilder line = new StringBuilder(String.format("  %-11s", name));
        for (PostEditRule rule : GermanRules.all()) {
            List<String> edited = new ArrayList<>();
            int changed = 0;
            for (int i = 0; i < hypotheses.size(); i++) {
                String result =
                        rule.apply(List.of(hypotheses.get(i)), source.get(i)).get(0);
                changed += result.equals(hypotheses.get(i)) ? 0 : 1;
                edited.add(result);
            }
            line.append(
                    String.format(" %s %+.3f (%d)", rule.name(), CorpusScores.chrf(edited, reference) - base, changed));
        }
        System.out.println(line);
    }

    static void report(
            String name,
            List<String> hypotheses,
            List<String> reference,
            List<String> source,
            PostEditor editor,
            QualityGate gate) {
        List<String> edited = new ArrayList<>();
        int blocked = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            edited.add(editor.editPlain(hypotheses.get(i), source.get(i)).text());
            blocked += check(gate, source.get(i), hypotheses.get(i)).isBlocking() ? 1 : 0;
        }
        double chrf = CorpusScores.chrf(hypotheses, reference);
        double chrfEdited = CorpusScores.chrf(edited, reference);
        double bleu = CorpusScores.bleu(hypotheses, reference);
        double bleuEdited = CorpusScores.bleu(edited, reference);
        System.out.printf(
                "%-11s %8.2f %8.2f %+7.3f %8.2f %8.2f %+7.3f %8.1f%%%n",
                name,
                chrf,
                chrfEdited,
                chrfEdited - chrf,
                bleu,
                bleuEdited,
                bleuEdited - bleu,
                100.0 * blocked / hypotheses.size());
    }

    static QaReport check(QualityGate gate, String source, String target) {
        return gate.check(
                new QaInput("en", "de", List.of(source), List.of(target), null, null, Glossary.EMPTY), List.of());
    }

    /** Injects one defect at a time into lines where it applies, and counts how often the gate blocks it. */
    static void injectDefects(List<String> hypotheses, List<String> source, QualityGate gate) {
        int[] numbers = {0, 0};
        int[] dropped = {0, 0};
        int[] english = {0, 0};
        for (int i = 0; i < hypotheses.size(); i++) {
            String target = hypotheses.get(i);
            String src = source.get(i);
            if (check(gate, src, target).isBlocking()) {
                continue; // only lines the gate accepts as they are
            }
            Matcher number = NUMBER.matcher(target);
            if (number.find() && src.contains(number.group())) {
                String changed = target.substring(0, number.start())
                        + (Long.parseLong(number.group()) + 1)
                        + target.substring(number.end());
                count(numbers, check(gate, src, changed).isBlocking());
            }
            Matcher last = LAST_SENTENCE.matcher(target);
            if (last.matches() && target.length() >= 60) {
                boolean caught = check(gate, src, last.group(1)).isBlocking();
                count(dropped, caught);
                if (!caught && Boolean.getBoolean("misses")) { // -Dmisses=true lists the cuts that pass
                    System.out.println("missed cut: " + src + "\n         -> " + last.group(1));
                }
            }
            if (src.codePoints().filter(Character::isLetter).count() >= 30) {
                count(english, check(gate, src, src).isBlocking());
            }
        }
        System.out.println();
        System.out.println("defects injected into Online-B lines the gate accepts (caught / injected):");
        print("number changed", numbers);
        print("last sentence dropped", dropped);
        print("left in English", english);
    }

    static void count(int[] tally, boolean caught) {
        tally[1]++;
        tally[0] += caught ? 1 : 0;
    }

    static void print(String name, int[] tally) {
        System.out.printf("  %-22s %5d / %5d  (%.1f %%)%n", name, tally[0], tally[1], 100.0 * tally[0] / tally[1]);
    }
}
