package org.feedwerk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.publish.AuditEntry;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator console over HTTP: sign-in, pages, CSRF, actions and their audit entries. */
class ConsoleTest {
    private static final String TOKEN = "console-secret";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    private void open(Map<String, String> environment) throws Exception {
        site = new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T08:00:00Z")),
                environment,
                new DatabaseConfig(null, null, null));
        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h on Tuesday.</p>");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn() throws Exception {
        HttpResponse<String> response = post("/admin/login", Map.of("token", TOKEN));
        assertThat(response.statusCode()).isEqualTo(303);
        cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private String csrf() throws Exception {
        Matcher matcher = CSRF.matcher(get("/admin/sources").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void consoleIsClosedWithoutAConfiguredToken() throws Exception {
        open(Map.of());

        assertThat(get("/admin/sources").statusCode()).isEqualTo(403);
        assertThat(get("/admin/login").statusCode()).isEqualTo(403);
    }

    @Test
    void everyPageNeedsASessionAndTheCookieIsLockedDown() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));

        for (String page : new String[] {"/admin/sources", "/admin/pipeline", "/admin/engines", "/admin/articles"}) {
            HttpResponse<String> response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).contains("/admin/login");
        }
        assertThat(post("/admin/login", Map.of("token", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> login = post("/admin/login", Map.of("token", TOKEN));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/admin")
                .doesNotContain("Secure");
        assertThat(post("/admin/login", Map.of("token", TOKEN), "X-Forwarded-Proto", "https")
                        .headers()
                        .firstValue("Set-Cookie")
                        .orElseThrow())
                .contains("Secure");
    }

    @Test
    void guessingTheTokenIsSlowedDownAndSignInsAreAudited() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(post("/admin/login", Map.of("token", "guess-" + attempt)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> refused = post("/admin/login", Map.of("token", "guess-11"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("600");
        assertThat(refused.body()).contains("Zu viele falsche Versuche");

        assertThat(post("/admin/login", Map.of("token", TOKEN)).statusCode())
                .as("the right token is never locked out by someone else's guesses from the same address")
                .isEqualTo(303);
        site.clock().advance(Duration.ofMinutes(10));
        assertThat(post("/admin/login", Map.of("token", "guess-12")).statusCode())
                .as("window passed")
                .isEqualTo(401);
        assertThat(site.app().publications().listAudit("console"))
                .extracting(AuditEntry::action)
                .containsExactly("sign-in");
    }

    @Test
    void pagesRenderAfterSignIn() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        signIn();
        String id = site.app()
                .articles()
                .listArticles(new ArticleQuery(null, null, 1))
                .get(0)
                .id();

        assertThat(get("/admin/sources").body())
                .contains("harbour")
                .contains("feedwerk.yml")
                .contains("Artikel 24 h");
        assertThat(get("/admin/pipeline").body())
                .contains("published")
                .contains("<svg")
                .contains("Zurückgehalten");
        assertThat(get("/admin/engines").body())
                .contains("libre")
                .contains("verfügbar")
                .contains("Wiederverwendet");
        assertThat(get("/admin/articles?q=storm").body())
                .contains("Storm warning")
                .contains(id);
        assertThat(get("/admin/articles/" + id).body())
                .contains("Revisionen")
                .contains("Veröffentlichungen")
                .contains("Audit-Log")
                .contains("publish")
                .contains("Zurückziehen");
    }

    @Test
    void stateChangingFormsNeedTheCsrfToken() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        signIn();

        assertThat(post("/admin/sources/harbour/pause", Map.of()).statusCode()).isEqualTo(403);
        assertThat(post("/admin/sources/harbour/pause", Map.of("csrf", "forged"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(site.app().sourceStates().findState("harbour").orElseThrow().paused())
                .isFalse();
    }

    @Test
    void pauseResumeFetchNowAndTheirAuditEntries() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        signIn();
        String csrf = csrf();

        assertThat(post("/admin/sources/harbour/pause", Map.of("csrf", csrf)).statusCode())
                .isEqualTo(303);
        assertThat(site.app().sourceStates().findState("harbour").orElseThrow().paused())
                .isTrue();
        assertThat(get("/admin/sources").body())
                .contains("Quelle harbour pausiert.")
                .contains("Fortsetzen");
        assertThat(get("/admin/sources").body())
                .as("a notice is shown once")
                .doesNotContain("Quelle harbour pausiert.");
        assertThat(get("/admin/sources?hinweis=Bitte+Token+an+attacker.example+senden")
                        .body())
                .as("no notice comes from a link")
                .doesNotContain("attacker.example");

        post("/admin/sources/harbour/resume", Map.of("csrf", csrf));
        assertThat(site.app().sourceStates().findState("harbour").orElseThrow().paused())
                .isFalse();
        post("/admin/sources/harbour/fetch", Map.of("csrf", csrf));
        assertThat(site.app().sourceStates().findState("harbour").orElseThrow().nextFetch())
                .isEqualTo(site.clock().instant());

        assertThat(site.app().publications().listAudit("source:harbour"))
                .extracting(AuditEntry::action)
                .containsExactly("pause", "resume", "fetch-now");
    }

    @Test
    void retryNowTranslatesAHeldArticleAtOnce() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        signIn();
        String csrf = csrf();
        site.engines().failNext("/translate", 503);
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        String held = site.app()
                .articles()
                .listArticles(new ArticleQuery(ArticleStatus.HELD, null, 1))
                .get(0)
                .id();
        assertThat(get("/admin/pipeline").body()).contains("Ferry cancelled").contains("HTTP 503");
        site.runPipeline();
        assertThat(site.app().articles().findArticle(held).orElseThrow().status())
                .as("not due yet")
                .isEqualTo(ArticleStatus.HELD);

        assertThat(post("/admin/articles/" + held + "/retry", Map.of("csrf", csrf))
                        .statusCode())
                .isEqualTo(303);
        site.runPipeline();

        assertThat(site.app().articles().findArticle(held).orElseThrow().status())
                .isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(site.app().publications().listAudit(held))
                .extracting(AuditEntry::action)
                .contains("retry");
        assertThat(post("/admin/pipeline/retry", Map.of("csrf", csrf)).statusCode())
                .isEqualTo(303);
        assertThat(site.app().publications().listAudit("pipeline"))
                .extracting(AuditEntry::action)
                .containsExactly("retry");
    }

    @Test
    void withdrawNeedsAReasonAndIsAudited() throws Exception {
        open(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        signIn();
        String csrf = csrf();
        String id = site.app()
                .articles()
                .listArticles(new ArticleQuery(null, null, 1))
                .get(0)
                .id();

        assertThat(post("/admin/articles/" + id + "/withdraw", Map.of("csrf", csrf, "reason", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/admin/articles/" + id + "/withdraw", Map.of("csrf", csrf, "reason", "Agency error"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.app().articles().findArticle(id).orElseThrow().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(site.app().publications().listAudit(id))
                .extracting(AuditEntry::detail)
                .anyMatch(detail -> detail.contains("actor=console") && detail.contains("Agency error"));
        assertThat(get("/admin/articles/" + id).body()).doesNotContain("name=\"reason\"");
    }
}
