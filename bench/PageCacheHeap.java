import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.web.WebServer;
import org.feedwerk.web.site.PageCache;

/**
 * The heap the page cache holds under anonymous requests that each carry another query string (issue 14): the
 * real server over an empty site answers 10,000 requests to "/?x=N"; then the cache alone takes 1,000 distinct
 * 2 MB pages. Heap used after a full GC is printed before and after each phase; the baseline is the heap of the
 * same process before the phase.
 *
 * Run: mvn -q -DskipTests package && java -Xmx1g -cp "target/feedwerk.jar:target/lib/*" bench/PageCacheHeap.java
 */
public class PageCacheHeap {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("feedwerk-heap");
        Files.createDirectories(dir.resolve("inbox"));
        Path config = dir.resolve("feedwerk.yml");
        Files.writeString(
                config,
                "server: { port: 0 }\ndataDir: " + dir.resolve("data") + "\nsources:\n  - id: inbox\n    dir: "
                        + dir.resolve("inbox") + "\n");
        try (Application app = Application.open(new ConfigLoader(Map.of()).load(config), Map.of(), Clock.systemUTC())) {
            WebServer server = app.newWebServer();
            server.start();
            HttpClient client = HttpClient.newHttpClient();
            client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            long before = usedAfterGc();
            for (int request = 0; request < 10_000; request++) {
                client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/?x=" + request))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            long after = usedAfterGc();
            System.out.printf(
                    "10,000 requests to /?x=N: heap %.1f MB before, %.1f MB after (%+.1f MB)%n",
                    before / 1e6, after / 1e6, (after - before) / 1e6);
            server.stop();
        }
        PageCache cache = new PageCache();
        String twoMegabytes = "x".repeat(2_000_000);
        long before = usedAfterGc();
        for (int page = 0; page < 1_000; page++) {
            int number = page;
            cache.get("/page/" + number, () -> PageCache.Page.html(200, twoMegabytes + number));
        }
        long after = usedAfterGc();
        System.out.printf(
                "1,000 distinct 2 MB pages: heap %.1f MB before, %.1f MB after (%+.1f MB; cache budget "
                        + "64 MiB of heap)%n",
                before / 1e6, after / 1e6, (after - before) / 1e6);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
