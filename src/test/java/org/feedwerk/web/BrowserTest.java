package org.feedwerk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site in a real headless Chromium (Debian's chromium and chromium-driver): the front page and an article
 * page render, the disclaimer is visible, and screenshots go to {@code target/screenshots/} (copy them to
 * {@code docs/screenshots/} deliberately when the README's pictures should change). Without a browser
 * on the machine the test is skipped, unless {@code FEEDWERK_TEST_REQUIRE_BROWSER} is set (CI sets it).
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    @TempDir
    Path profile;

    private SiteFixture site;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available && System.getenv("FEEDWERK_TEST_REQUIRE_BROWSER") == null) {
            Assumptions.abort("Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1100, 900));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    /** A site on SQLite whose clock stands at a fixed morning. */
    private SiteFixture openSite(Map<String, String> environment) {
        return new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T08:00:00Z")),
                environment,
                new DatabaseConfig(null, null, null));
    }

    @Test
    void frontPageAndArticlePageShowTheDisclaimer() throws IOException {
        site = openSite(Map.of());
        site.deliver(
                "a.xml",
                "s-1",
                "Harbour authority approves new ferry terminal in Lindholm",
                "The terminal is due to open in 2028.",
                "<p>The port authority approved the terminal on Sunday.</p>"
                        + "<h2>Residents' concerns</h2><p>Residents had objected to more traffic on the harbour road."
                        + "</p><blockquote><p>\"A good day for the islands,\" the harbour master said.</p></blockquote>");
        site.clock().advance(Duration.ofMinutes(20));
        site.deliver(
                "b.xml",
                "s-2",
                "Storm warning for the northern coast on Tuesday",
                "Gusts of up to 110 km/h are expected.",
                "<p>Ferry services may be cancelled at short notice.</p>");

        browser.get(site.uri("/").toString());
        assertThat(browser.getTitle()).isEqualTo("Hafenblatt");
        assertThat(browser.findElements(By.cssSelector(".card h2 a"))).hasSize(2);
        screenshot("front-page.png");

        browser.findElement(By.linkText("HARBOUR AUTHORITY APPROVES NEW FERRY TERMINAL IN LINDHOLM"))
                .click();
        WebElement disclaimer = browser.findElement(By.id("disclaimer"));
        assertThat(disclaimer.isDisplayed()).isTrue();
        assertThat(disclaimer.getText())
                .isEqualTo(
                        "Dies ist ein unbearbeiteter, automatisch generierter Artikel aus einem syndizierten Newsfeed.");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("HARBOUR AUTHORITY APPROVES NEW FERRY TERMINAL IN LINDHOLM");
        assertThat(browser.findElement(By.cssSelector(".attribution")).getText())
                .contains("Quelle: Harbour Wire")
                .contains("Übersetzt mit libre");
        screenshot("article-page.png");
    }

    @Test
    void operatorSignsInAndOpensEveryConsolePage() throws IOException {
        site = openSite(Map.of("FEEDWERK_ADMIN_TOKEN", "browser-secret"));
        site.deliver(
                "a.xml",
                "s-1",
                "Harbour authority approves new ferry terminal in Lindholm",
                "The terminal is due to open in 2028.",
                "<p>The port authority approved the terminal on Sunday.</p>");

        browser.get(site.uri("/admin/pipeline").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        browser.findElement(By.name("token")).sendKeys("browser-secret");
        browser.findElement(By.tagName("button")).click();
        assertThat(heading("Quellen")).isEqualTo("Quellen");
        screenshot("console-sources.png");

        for (String[] page : new String[][] {
            {"Pipeline", "Pipeline", "console-pipeline.png"},
            {"Engines", "Engines", "console-engines.png"},
            {"Artikel", "Artikel", "console-articles.png"}
        }) {
            browser.findElement(By.linkText(page[0])).click();
            assertThat(heading(page[1])).isEqualTo(page[1]);
            screenshot(page[2]);
        }
        browser.findElement(By.partialLinkText("Harbour authority")).click();
        String article = "Harbour authority approves new ferry terminal in Lindholm";
        assertThat(heading(article)).isEqualTo(article);
        assertThat(browser.findElement(By.name("reason")).isDisplayed()).isTrue();
        screenshot("console-article.png");
    }

    /**
     * The page's heading once it is {@code expected}, or whatever it is after ten seconds: a form's POST and its
     * redirect, or a link's navigation, can still be under way when click() returns.
     */
    private String heading(String expected) {
        Instant deadline = Instant.now().plusSeconds(10);
        String seen = "(no heading on " + browser.getCurrentUrl() + ")";
        while (Instant.now().isBefore(deadline)) {
            try {
                seen = browser.findElement(By.tagName("h1")).getText();
                if (seen.equals(expected)) {
                    return seen;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                seen = "(no heading on " + browser.getCurrentUrl() + ")";
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return seen;
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
