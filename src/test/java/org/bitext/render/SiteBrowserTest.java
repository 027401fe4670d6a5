package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.Corpus;
import org.bitext.export.oai.OaiServer;
import org.bitext.pipeline.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site {@code run} writes, walked in headless Chromium as a reader walks it: from {@code html/index.html} to a
 * year, a month, an article, its neighbours by date, and back by the breadcrumbs; from the file system and through
 * {@code serve}. Same browser set-up and opt-out as {@link ReadingViewBrowserTest}.
 */
class SiteBrowserTest {
    private static Path out;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean(ReadingViewBrowserTest.OPT_OUT),
                "browser tests left out: -D" + ReadingViewBrowserTest.OPT_OUT + "=true");
        if (!Files.isExecutable(ReadingViewBrowserTest.CHROMEDRIVER)
                || !Files.isExecutable(ReadingViewBrowserTest.CHROMIUM)) {
            fail("the site's browser test needs Chromium and its driver at " + ReadingViewBrowserTest.CHROMIUM + " and "
                    + ReadingViewBrowserTest.CHROMEDRIVER + ": apt-get install -y chromium chromium-driver "
                    + "fonts-noto-cjk (as .ci/run does), or run with -D" + ReadingViewBrowserTest.OPT_OUT
                    + "=true to leave this test out");
        }
        out = Files.createTempDirectory("bitext-site");
        Pipeline.Summary s = Pipeline.run(Corpus.DIR, out, Pipeline.Options.defaults());
        assertEquals(Corpus.articles().size(), s.converted());
        Files.createDirectories(ReadingViewBrowserTest.SCREENSHOTS);
        profile = Files.createTempDirectory("bitext-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ReadingViewBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1400", "--force-device-scale-factor=1",
                "--lang=en-US", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ReadingViewBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (Path p : new Path[] {profile, out}) {
            if (p != null) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    @Test
    void walkFromTheArchiveToAnArticleAndBackFromTheFileSystem() throws Exception {
        walk(out.resolve("html").resolve("index.html").toUri().toString(), "file");
    }

    @Test
    void theSameWalkThroughServe() throws Exception {
        try (OaiServer server = OaiServer.start(out, OaiServer.Config.defaults().withPort(0), line -> { })) {
            walk(server.baseUrl().resolve("/index.html").toString(), "serve");
        }
    }

    private void walk(String start, String label) throws IOException {
        driver.get(start);
        // the archive: the corpus's years with their counts
        assertEquals(List.of("1946", "1950", "1960", "1967"), texts("ul.counts a"));
        assertEquals(List.of("2 articles", "3 articles", "5 articles", "2 articles"), texts("ul.counts .n"));
        assertEquals("12 articles", driver.findElement(By.id("bt-total")).getText());
        assertEquals(List.of("Archive"), texts("nav.crumbs li"));
        searchOffered(label);
        relativeLinksOnly();
        shot(label + "-archive");

        driver.findElement(By.linkText("1960")).click();
        assertTrue(driver.getCurrentUrl().endsWith("years/1960/index.html"), driver.getCurrentUrl());
        assertEquals(List.of("Archive", "1960"), texts("nav.crumbs li"));
        assertEquals(List.of("June 1960"), texts("ul.counts a"));
        searchOffered(label);
        relativeLinksOnly();

        driver.findElement(By.linkText("June 1960")).click();
        assertTrue(driver.getCurrentUrl().endsWith("years/1960/06.html"), driver.getCurrentUrl());
        assertEquals(List.of("Archive", "1960", "June 1960"), texts("nav.crumbs li"));
        assertEquals(5, driver.findElements(By.cssSelector("table.index tbody tr")).size());
        assertEquals(List.of("1960-06-01", "1960-06-01", "1960-06-05", "1960-06-06", "1960-06-14"),
                texts("table.index tbody td.date"));
        searchOffered(label);
        relativeLinksOnly();
        shot(label + "-month");

        // the table still filters: the month page's script runs
        driver.findElement(By.id("bt-filter")).sendKeys("typhoon");
        assertEquals(1, driver.findElements(By.cssSelector("table.index tbody tr")).stream()
                .filter(WebElement::isDisplayed).count());
        driver.findElement(By.id("bt-filter")).clear();

        driver.findElement(By.linkText("台风警报")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/1960-06-05_taifeng_jingbao_dash_ranges.html"),
                driver.getCurrentUrl());
        assertEquals(List.of("Archive", "1960", "June 1960", "台风警报"), texts("nav.crumbs li"));
        assertEquals("台风警报", driver.findElement(By.cssSelector("header.panel h1")).getText());
        searchOffered(label);
        relativeLinksOnly();
        shot(label + "-article");

        // next by date, then previous twice: 1960-06-06, back to 1960-06-05, then 1960-06-01
        driver.findElement(By.cssSelector("nav.prevnext a.next")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/1960-06-06_tuqiche_column_line_in_en_header.html"),
                driver.getCurrentUrl());
        driver.findElement(By.cssSelector("nav.prevnext a.prev")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/1960-06-05_taifeng_jingbao_dash_ranges.html"));
        driver.findElement(By.cssSelector("nav.prevnext a.prev")).click();
        assertTrue(driver.getCurrentUrl().contains("/1960-06-01_"), driver.getCurrentUrl());

        // across a year: the first article of 1960 leads back to the last of 1950
        while (!driver.findElements(By.cssSelector("nav.prevnext a.prev")).isEmpty()
                && driver.getCurrentUrl().contains("/1960-")) {
            driver.findElement(By.cssSelector("nav.prevnext a.prev")).click();
        }
        assertTrue(driver.getCurrentUrl().contains("/1950-10-02_"), driver.getCurrentUrl());
        assertEquals(List.of("Archive", "1950", "October 1950"), texts("nav.crumbs li").subList(0, 3));

        // the first article of the archive has no previous one, the last no next one
        driver.get(start.replace("index.html", "1946-05-15_xinhua_shudian_named_entities.html"));
        assertTrue(driver.findElements(By.cssSelector("nav.prevnext a.prev")).isEmpty());
        driver.get(start.replace("index.html", "1967-08-02_mao_yulu_quotation.html"));
        assertTrue(driver.findElements(By.cssSelector("nav.prevnext a.next")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("nav.prevnext a.prev")).isEmpty());

        // and back up by the breadcrumbs: month, then the archive
        driver.findElement(By.linkText("August 1967")).click();
        assertTrue(driver.getCurrentUrl().endsWith("years/1967/08.html"), driver.getCurrentUrl());
        driver.findElement(By.linkText("Archive")).click();
        assertEquals(URI.create(start).getPath(), URI.create(driver.getCurrentUrl()).getPath());
    }

    /**
     * The page's sentence search: offered where serve answers it, not from the file system; its form goes to serve's
     * search page, relative to the page.
     */
    private static void searchOffered(String label) {
        WebElement search = driver.findElement(By.id("bt-search"));
        if (label.equals("file")) {
            assertFalse(search.isDisplayed(), "no search box without serve");
        } else {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> search.isDisplayed());
            assertEquals(URI.create(driver.getCurrentUrl()).resolve("/search").toString(),
                    search.getDomProperty("action"));
        }
        String action = search.getDomAttribute("action");
        assertFalse(action.startsWith("/") || action.contains("://"), "not a relative link: " + action);
    }

    /** Every link of the page is relative: the folder works wherever it is put. */
    private static void relativeLinksOnly() {
        for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
            String href = a.getDomAttribute("href");
            assertFalse(href.startsWith("/") || href.contains("://"), "not a relative link: " + href);
        }
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    private static void shot(String name) throws IOException {
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, ReadingViewBrowserTest.SCREENSHOTS.resolve("site-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
