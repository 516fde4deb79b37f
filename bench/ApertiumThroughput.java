import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.TranslationEngine;

/**
 * Characters per second through Feedwerk's Apertium engine against calling APy directly with the same HTML texts
 * (one request per text, one after the other, as the engine sends them), measured in the same run.
 *
 * Run (APy running: apertium-apy -p 2737 /usr/share/apertium/modes):
 *   mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/ApertiumThroughput.java \
 *       [http://127.0.0.1:2737] [ROUNDS]
 */
public class ApertiumThroughput {
    public static void main(String[] args) throws Exception {
        URI apy = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:2737");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> texts = texts();
        long characters = texts.stream().mapToLong(String::length).sum();
        TranslationEngine engine = new EngineFactory(Map.of(), Clock.systemUTC(), Sleeper.REAL)
                .create(HttpEngineConfig.builder()
                        .name("apertium")
                        .type(EngineType.APERTIUM)
                        .url(apy)
                        .maxAttempts(1)
                        .build());
        engine.prepare().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        HttpClient http = HttpClient.newHttpClient();
        direct(http, apy, texts); // warm-up of both paths
        feedwerk(engine, texts);
        double directBest = Double.MAX_VALUE;
        double feedwerkBest = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            directBest = Math.min(directBest, direct(http, apy, texts));
            feedwerkBest = Math.min(feedwerkBest, feedwerk(engine, texts));
        }
        System.out.printf("%d texts, %d characters, best of %d rounds%n", texts.size(), characters, rounds);
        System.out.printf("APy directly:     %8.0f characters/s (%.3f s)%n", characters / directBest, directBest);
        System.out.printf("Feedwerk engine:  %8.0f characters/s (%.3f s)%n", characters / feedwerkBest, feedwerkBest);
        System.out.printf("ratio Feedwerk / direct: %.3f (goal >= 0.9)%n", directBest / feedwerkBest);
    }

    static double feedwerk(TranslationEngine engine, List<String> texts) {
        long start = System.nanoTime();
        for (String text : texts) {
            engine.translate(new EngineRequest("en", "es", TextFormat.HTML, List.of(text)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double direct(HttpClient http, URI apy, List<String> texts) throws Exception {
        long start = System.nanoTime();
        for (String text : texts) {
            String body = "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&langpair=eng%7Cspa&format=html"
                    + "&markUnknown=no";
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(apy.resolve("/translate"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** News-length paragraphs the team wrote, with links, numbers and quotes. */
    static List<String> texts() {
        String[] subjects = {
            "The harbour authority",
            "The city council",
            "The regional government",
            "The police",
            "The university",
            "The football club",
            "The railway company",
            "The hospital"
        };
        String[] actions = {
            "approved a new plan for the port",
            "opened a market in the old station",
            "closed the coastal road after the storm",
            "announced 120 new jobs",
            "said the work will end in 2027",
            "published a report on the river",
            "raised prices by 4 percent",
            "thanked the volunteers"
        };
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            texts.add("<p>" + subjects[i % subjects.length] + " " + actions[(i * 3) % actions.length] + " on Monday, "
                    + "and its spokeswoman said that \"the decision was difficult\". More than " + (100 + i * 7)
                    + " people took part, <a href=\"https://news.example.org/" + i + "\">according to the report</a>."
                    + "</p>");
        }
        return texts;
    }
}
