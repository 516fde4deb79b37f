import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale-out on one PostgreSQL, with real Feedwerk processes and a stand-in LibreTranslate that takes a fixed
 * time per request:
 * 1. translation throughput (articles/minute) with 1, 2 and 4 {@code translate} processes (one worker each), as a
 *    ratio of linear scaling from one process measured in the same run;
 * 2. publication latency: from a drop-folder file settling to its page answering on every {@code web} node
 *    (one {@code fetch,publish,web} and two {@code translate,web} processes), median of several stories, against
 *    the engine's latency L.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/ScaleOutBenchmark.java \
 *          jdbc:postgresql://127.0.0.1:5432/postgres USER PASSWORD [ARTICLES] [LATENCY_MS]
 */
public class ScaleOutBenchmark {
    static final Pattern TEXT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static Path work;
    static final List<Process> processes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String adminUrl = args[0];
        String user = args[1];
        String password = args[2];
        int articles = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        long latencyMillis = args.length > 4 ? Long.parseLong(args[4]) : 200;
        work = Files.createTempDirectory("feedwerk-scale-bench");
        HttpServer engine = standInEngine(latencyMillis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        try {
            System.out.printf("stand-in engine: %d ms per request; %d articles per run%n", latencyMillis, articles);
            double single = 0;
            for (int translators : new int[] {1, 2, 4}) {
                double perMinute = translationThroughput(adminUrl, user, password, engine, translators, articles);
                if (translators == 1) {
                    single = perMinute;
                }
                System.out.printf(
                        "translate processes: %d  %7.1f articles/min  ratio to linear: %.2f%n",
                        translators, perMinute, perMinute / (single * translators));
            }
            List<Long> latencies = publicationLatency(adminUrl, user, password, engine, 9);
            Collections.sort(latencies);
            long median = latencies.get(latencies.size() / 2);
            System.out.printf(
                    "publication latency (settled file -> page on all 3 web nodes): median %d ms, "
                            + "min %d, max %d; L = %d ms, median - L = %d ms (goal <= 2000)%n",
                    median,
                    latencies.get(0),
                    latencies.get(latencies.size() - 1),
                    latencyMillis,
                    median - latencyMillis);
        } finally {
            processes.forEach(Process::destroyForcibly);
            engine.stop(0);
        }
    }

    static double translationThroughput(
            String adminUrl, String user, String password, HttpServer engine, int translators, int articles)
            throws Exception {
        String database = freshDatabase(adminUrl, user, password);
        Path inbox = Files.createDirectories(work.resolve("inbox-" + translators));
        Path fetcher = config("fetch-" + translators, database, user, inbox, engine, 0);
        start(fetcher, "fetch,publish", password);
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < translators; i++) {
            configs.add(config("translate-" + translators + "-" + i, database, user, inbox, engine, 0));
        }
        drop(inbox, "batch.xml", 0, articles);
        awaitCount(database, user, password, "SELECT count(*) FROM article", articles, Duration.ofMinutes(2));
        Instant started = Instant.now();
        List<Process> started0 = new ArrayList<>();
        for (Path config : configs) {
            started0.add(start(config, "translate", password));
        }
        // Count from the first translation, so that JVM start-up is not part of the rate.
        awaitCount(
                database,
                user,
                password,
                "SELECT count(*) FROM article WHERE status IN ('translated', 'published')",
                1,
                Duration.ofMinutes(2));
        Instant first = Instant.now();
        awaitCount(
                database,
                user,
                password,
                "SELECT count(*) FROM article WHERE status IN ('translated', 'published')",
                articles,
                Duration.ofMinutes(20));
        Duration took = Duration.between(first, Instant.now());
        stopAll();
        return (articles - 1) * 60_000.0 / took.toMillis();
    }

    static List<Long> publicationLatency(String adminUrl, String user, String password, HttpServer engine, int stories)
            throws Exception {
        String database = freshDatabase(adminUrl, user, password);
        Path inbox = Files.createDirectories(work.resolve("inbox-latency"));
        int[] ports = {freePort(), freePort(), freePort()};
        start(config("latency-a", database, user, inbox, engine, ports[0]), "fetch,publish,web", password);
        start(config("latency-b", database, user, inbox, engine, ports[1]), "translate,web", password);
        start(config("latency-c", database, user, inbox, engine, ports[2]), "translate,web", password);
        HttpClient http = HttpClient.newHttpClient();
        for (int port : ports) {
            while (status(http, port, "/healthz") != 200) {
                Thread.sleep(100);
            }
        }
        Thread.sleep(3000); // let every process settle in
        List<Long> latencies = new ArrayList<>();
        for (int story = 0; story < stories; story++) {
            Instant settled = drop(inbox, "story-" + story + ".xml", 1000 + story, 1);
            String page = null;
            while (page == null) {
                page = findPage(http, ports[0], "story-" + (1000 + story));
                Thread.sleep(20);
            }
            for (int port : ports) {
                while (status(http, port, page) != 200) {
                    Thread.sleep(20);
                }
            }
            latencies.add(Duration.between(settled, Instant.now()).toMillis());
            Thread.sleep(500);
        }
        stopAll();
        return latencies;
    }

    /** The page of the published story with this guid, as the site's JSON feed lists it, or null. */
    static String findPage(HttpClient http, int port, String guid) throws Exception {
        HttpResponse<String> feed = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feed.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher url = Pattern.compile("\"url\"\\s*:\\s*\"https?://[^/\"]+(/de/[^\"]*)\"[^}]*?NOTICE "
                        + guid.replace("story-", "") + "\\b")
                .matcher(feed.body());
        return url.find() ? url.group(1) : null;
    }

    static int status(HttpClient http, int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Writes a settled RSS file (mtime in the past, moved in at once); returns when it settled. */
    static Instant drop(Path inbox, String name, int first, int count) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            items.append("<item><guid>story-")
                    .append(i)
                    .append("</guid><title>Harbour notice ")
                    .append(i)
                    .append("</title><description>Notice ")
                    .append(i)
                    .append(": the ferry to the island leaves " + "from pier ")
                    .append(i % 40)
                    .append(" tomorrow morning.</description></item>");
        }
        Path temporary = work.resolve(name + ".part");
        Files.writeString(
                temporary,
                "<rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.example" + ".org/</link>" + items
                        + "</channel></rss>");
        Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minusSeconds(10)));
        Files.move(temporary, inbox.resolve(name));
        return Instant.now();
    }

    static Path config(String name, String database, String user, Path inbox, HttpServer engine, int port)
            throws IOException {
        Path config = work.resolve(name + ".yml");
        Files.writeString(config, """
                server: { port: %d }
                dataDir: %s
                database: { url: "%s", user: %s }
                fetch: { dropSettle: 0s }
                sources:
                  - id: wire
                    dir: %s
                    language: en
                    interval: 10s
                translation:
                  targets: [de]
                  workers: 1
                  detectLanguages: [de, fr]
                  engines:
                    - name: libre
                      type: libretranslate
                      url: http://127.0.0.1:%d
                """.formatted(
                        port,
                        work.resolve("data-" + name),
                        database,
                        user,
                        inbox,
                        engine.getAddress().getPort()));
        return config;
    }

    static Process start(Path config, String roles, String password) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.feedwerk.app.Main",
                        "run",
                        "--config",
                        config.toString(),
                        "--roles",
                        roles)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(config.getFileName() + ".log").toFile());
        builder.environment().put("FEEDWERK_DATABASE_PASSWORD", password);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    static void stopAll() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
        processes.clear();
    }

    static String freshDatabase(String adminUrl, String user, String password) throws Exception {
        String name = "feedwerk_scale_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
    }

    static void awaitCount(String url, String user, String password, String query, int expected, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                while (Instant.now().isBefore(deadline)) {
                    try (ResultSet result = statement.executeQuery(query)) {
                        result.next();
                        if (result.getInt(1) >= expected) {
                            return;
                        }
                    } catch (SQLException e) {
                        // the schema is not there yet: the first process is still migrating
                    }
                    Thread.sleep(50);
                }
                throw new IllegalStateException(
                        "timed out waiting for " + expected + ": " + query + " (logs in " + work + ")");
            }
        }
    }

    /** LibreTranslate's wire format; answers each text in upper case (outside tags) after a fixed latency. */
    static HttpServer standInEngine(long latencyMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/translate", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int q = body.indexOf("\"q\":[");
            int end = body.indexOf("],\"source\"", q);
            List<String> translated = new ArrayList<>();
            Matcher text = TEXT.matcher(body.substring(q + 5, end));
            while (text.find()) {
                translated.add("\"" + upperOutsideTags(text.group(1)) + "\"");
            }
            byte[] answer =
                    ("{\"translatedText\":[" + String.join(",", translated) + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    static String upperOutsideTags(String jsonText) {
        StringBuilder out = new StringBuilder();
        boolean inTag = false;
        for (int i = 0; i < jsonText.length(); i++) {
            char c = jsonText.charAt(i);
            if (c == '\\' && i + 1 < jsonText.length()) { // keep escapes as they are
                out.append(c).append(jsonText.charAt(++i));
                continue;
            }
            inTag = c == '<' || (inTag && c != '>');
            out.append(inTag || c == '>' ? c : Character.toUpperCase(c));
        }
        return out.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
