package org.bitext.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bitext.Corpus;
import org.bitext.export.oai.OaiServer;
import org.bitext.export.parallel.AlignedText;
import org.bitext.pipeline.Pipeline;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page of {@code serve} in the system's headless Chromium (as the reading view's browser test: nothing is
 * downloaded; without Chromium it fails saying what to install, {@code -Dbitext.browser.skip=true} leaves it out,
 * reported as skipped). The 12 corpus articles are run, indexed and served; a reader searches a Chinese and an English
 * word through the form, the hits and their counterparts are checked against the TEI, one hit is followed to the
 * reading view (the sentence focused, its counterparts highlighted), the hits are filtered by year, and a query that
 * is a script runs no script. Screenshots go to {@code target/screenshots/}.
 */
class SearchBrowserTest {
    static final String OPT_OUT = "bitext.browser.skip";
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static OaiServer server;
    static String base;
    static WebDriver driver;
    /** Every sentence of the TEI by id (article id + "#" + sentence id). */
    static final Map<String, AlignedText.Sentence> sentences = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean(OPT_OUT), "browser tests left out: -D" + OPT_OUT + "=true");
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("the search page's browser test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-noto-cjk (as .ci/run does), or run with -D"
                    + OPT_OUT + "=true to leave this test out");
        }
        Path out = tmp.resolve("out");
        // run builds the search index itself, after its batch
        Pipeline.run(Corpus.DIR, out, Pipeline.Options.defaults().withJobs(2, false, null));
        try (Stream<Path> files = Files.list(out.resolve("tei"))) {
            for (Path f : files.sorted().toList()) {
                var doc = Xml.parse(f);
                String id = doc.select(net.sf.saxon.s9api.streams.Steps.child()).findFirst().get()
                        .getAttributeValue(new net.sf.saxon.s9api.QName("http://www.w3.org/XML/1998/namespace",
                                "id"));
                for (AlignedText.Sentence s : AlignedText.sentences(doc)) {
                    sentences.put(id + "#" + s.id(), s);
                }
            }
        }
        server = OaiServer.start(out, OaiServer.Config.defaults(), line -> { });
        base = "http://127.0.0.1:" + server.address().getPort();
        Files.createDirectories(SCREENSHOTS);
        Path profile = tmp.resolve("chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1600", "--force-device-scale-factor=1",
                "--lang=en-US", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static long count(String lang, Predicate<String> matches) {
        return sentences.values().stream().filter(s -> s.lang().equals(lang) && matches.test(s.text())).count();
    }

    /** Types the query into the page's form and submits it. */
    static void search(String q) {
        driver.get(base + "/search");
        WebElement box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(q);
        box.submit();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("total")).isEmpty());
    }

    static long total() {
        return Long.parseLong(driver.findElement(By.id("total")).getText());
    }

    /** Each hit on the page against the TEI: the sentence, its text and its counterparts' texts. */
    static List<WebElement> checkHits(Predicate<String> matches) {
        List<WebElement> hits = driver.findElements(By.cssSelector("li.hit"));
        assertFalse(hits.isEmpty());
        for (WebElement h : hits) {
            AlignedText.Sentence s = sentences.get(h.getAttribute("data-article") + "#"
                    + h.getAttribute("data-sentence"));
            String article = h.getAttribute("data-article");
            assertEquals(s.text(), h.findElement(By.cssSelector(".match")).getText());
            assertTrue(matches.test(s.text()), s.text());
            assertFalse(h.findElements(By.tagName("mark")).isEmpty(), "the match is marked");
            List<String> shown = h.findElements(By.cssSelector(".counterparts li[data-sentence]")).stream()
                    .map(WebElement::getText).toList();
            List<String> expected = s.counterparts().stream().map(c -> sentences.get(article + "#" + c).text())
                    .toList();
            assertEquals(expected, shown, "counterparts of " + s.id());
        }
        return hits;
    }

    static void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aChineseWordShowsEverySentenceBesideItsTranslationAndLeadsToTheReadingView() throws Exception {
        search("干部");
        assertEquals(count("zh", t -> t.contains("干部")), total());
        List<WebElement> hits = checkHits(t -> t.contains("干部"));
        screenshot("search-zh");
        // follow a hit that has counterparts to the reading view
        WebElement hit = hits.stream().filter(h -> !h.findElements(By.cssSelector(".counterparts li[data-sentence]"))
                .isEmpty()).findFirst().orElseThrow();
        String sid = hit.getAttribute("data-sentence");
        List<String> counterparts = hit.findElements(By.cssSelector(".counterparts li[data-sentence]")).stream()
                .map(e -> e.getAttribute("data-sentence")).toList();
        hit.findElement(By.cssSelector(".match a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("#" + sid));
        WebElement sentence = driver.findElement(By.id(sid));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> sentence.equals(d.switchTo().activeElement()));
        for (String c : counterparts) {
            WebElement e = driver.findElement(By.id(c));
            assertTrue(Arrays.asList(e.getAttribute("class").split(" ")).contains("hl"), c + " is highlighted");
        }
        // within a pixel: the search box shown above it after the page scrolled moves it by a fraction of one
        Object inView = ((JavascriptExecutor) driver).executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top > -1 && r.bottom < window.innerHeight + 1;", sentence);
        assertEquals(Boolean.TRUE, inView, "the page is scrolled to the sentence");
        // in the middle of the window, with what comes before it in view too, not at the top edge (as near the
        // middle as the page can scroll)
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("var r = arguments[0].getBoundingClientRect(), off = (r.top + r.bottom) / 2"
                        + " - window.innerHeight / 2, max = document.documentElement.scrollHeight - window.innerHeight;"
                        + " return Math.abs(off) < 2 || (off < 0 && window.scrollY <= 0)"
                        + " || (off > 0 && window.scrollY >= max - 1);", sentence));
        screenshot("search-followed");
    }

    /** Opens a page of the site, waits for its search box to be shown, and searches from it. */
    static void searchFrom(String page, String q) {
        driver.get(base + page);
        WebElement form = driver.findElement(By.id("bt-search"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> form.isDisplayed());
        WebElement box = form.findElement(By.name("q"));
        box.sendKeys(q);
        box.submit();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("total")).isEmpty());
    }

    /** From the archive page, whose search box serve's search shows, a translator's query in both languages. */
    @Test
    void theArchivePageSearchesWordsOfBothLanguages() throws Exception {
        searchFrom("/", "干部 cadres");
        Pattern cadre = Pattern.compile("\\bcadres?\\b", Pattern.CASE_INSENSITIVE);
        long expected = sentences.entrySet().stream().filter(e -> e.getValue().lang().equals("zh")
                && e.getValue().text().contains("干部") && e.getValue().counterparts().stream().anyMatch(c ->
                cadre.matcher(sentences.get(e.getKey().substring(0, e.getKey().indexOf('#') + 1) + c).text()).find()))
                .count();
        assertTrue(expected > 0);
        assertEquals(expected, total());
        for (WebElement h : driver.findElements(By.cssSelector("li.hit"))) {
            assertTrue(h.findElement(By.cssSelector(".match mark")).getText().equals("干部"), h.getText());
            assertTrue(cadre.matcher(h.findElement(By.cssSelector(".counterparts mark")).getText()).matches(),
                    h.getText());
        }
        screenshot("search-both-languages");
    }

    /**
     * A reader of an article searches from the box at the top of its reading view, and the hits are those of the
     * search page for the same words.
     */
    @Test
    void aReadingViewSearchesToo() throws Exception {
        search("台风");
        long expected = total();
        assertTrue(expected > 0);
        searchFrom("/1960-06-05_taifeng_jingbao_dash_ranges.html", "台风");
        assertEquals(base + "/search?q=%E5%8F%B0%E9%A3%8E", driver.getCurrentUrl());
        assertEquals(expected, total());
    }

    @Test
    void anEnglishWordWithItsChineseCounterparts() throws Exception {
        Pattern cadre = Pattern.compile("\\bcadres?\\b", Pattern.CASE_INSENSITIVE);
        search("cadre");
        assertEquals(count("en", t -> cadre.matcher(t).find()), total());
        checkHits(t -> cadre.matcher(t).find());
        screenshot("search-en");
    }

    @Test
    void filteringByYear() throws Exception {
        search("人民");
        long all = total();
        List<WebElement> years = driver.findElements(By.cssSelector("ul.facet[data-dim=year] a[data-value]"));
        assertTrue(years.size() >= 2, "hits in several years");
        WebElement year = years.get(0);
        String value = year.getAttribute("data-value");
        long n = Long.parseLong(year.findElement(By.xpath("following-sibling::span[@class='n']")).getText());
        assertTrue(n < all);
        year.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("year=" + value));
        assertEquals(n, total());
        for (WebElement d : driver.findElements(By.cssSelector("li.hit .date"))) {
            assertTrue(d.getText().startsWith(value), d.getText());
        }
        screenshot("search-year");
    }

    @Test
    void aQueryThatIsAScriptRunsNoScript() throws Exception {
        for (String q : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>")) {
            search(q);
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no alert for " + q);
            assertTrue(driver.findElements(By.tagName("script")).isEmpty());
            assertTrue(driver.findElements(By.tagName("img")).isEmpty());
            assertEquals(q, driver.findElement(By.id("q")).getAttribute("value"), "the box holds the query as typed");
            String raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertFalse(raw.contains(q), "the query never appears unescaped");
            assertTrue(raw.contains(q.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;")), "the query appears escaped");
        }
        screenshot("search-script");
    }

    static List<String> ids(List<WebElement> es) {
        List<String> out = new ArrayList<>();
        es.forEach(e -> out.add(e.getAttribute("id")));
        return out;
    }
}
