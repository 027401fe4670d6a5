package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Corpus;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The reading view and the index page in a real browser: the system's Chromium, driven through the system's
 * chromedriver (Debian packages chromium, chromium-driver and fonts-noto-cjk, which {@code .ci/run} installs).
 * Nothing is downloaded: the driver and browser are given by path, so Selenium Manager never runs.
 *
 * <p>The reference article is read, encoded and rendered with bitext's own classes, written to a temporary folder and
 * opened by file URL. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Without Chromium or chromedriver the test fails, saying what to install. To leave it out on a machine without a
 * browser, run with {@code -Dbitext.browser.skip=true} (it is then reported as skipped, never as passed).
 */
class ReadingViewBrowserTest {
    /** Set to {@code true} to leave the browser tests out (local runs without Chromium only). */
    static final String OPT_OUT = "bitext.browser.skip";
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String ARTICLE = "1960-06-14_suzhou_ganbu_reference_example";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path dir;
    private static XdmNode tei;
    private static WebDriver driver;
    private static final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean(OPT_OUT), "browser tests left out: -D" + OPT_OUT + "=true");
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("the reading view's browser test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-noto-cjk (as .ci/run does), or run with -D"
                    + OPT_OUT + "=true to leave this test out");
        }
        dir = Files.createTempDirectory("bitext-browser");
        // the reference article through bitext's own reader, encoder and renderer
        Path article = Corpus.DIR.resolve(ARTICLE + ".txt");
        Path teiFile = dir.resolve(ARTICLE + ".xml");
        Files.write(teiFile, Corpus.tei(article));
        tei = Xml.parse(teiFile);
        Renderer renderer = Renderer.load(null, List.of(Format.HTML), true);
        Files.write(dir.resolve(ARTICLE + ".html"), renderer.render(tei, Format.HTML, Map.of()));
        // a teiCorpus with two bitext members, on one page
        Files.write(dir.resolve("corpus.html"),
                renderer.render(Xml.parse(TeiCorpusRenderTest.CORPUS), Format.HTML, Map.of()));
        // a small index: every corpus article
        List<XdmNode> docs = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        for (Path a : Corpus.articles().stream().sorted().toList()) {
            docs.add(Xml.parse(new java.io.ByteArrayInputStream(Corpus.tei(a)), a.toUri().toString()));
            hrefs.add(Corpus.name(a) + ".html");
        }
        Files.write(dir.resolve("index.html"), RenderContentTest.monthPage(renderer, docs, hrefs));
        Files.createDirectories(SCREENSHOTS);
        driver = browser(true);
    }

    /** A headless Chromium, with or without JavaScript. */
    private static WebDriver browser(boolean javascript) throws IOException {
        Path profile = Files.createTempDirectory("bitext-chromium");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,2000", "--force-device-scale-factor=1",
                "--lang=en-US", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // each browser its own driver process (quitting a browser stops its driver)
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return d;
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (Path p : profiles) {
            delete(p);
        }
        if (dir != null) {
            delete(dir);
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void open(WebDriver d, String file) {
        d.get(dir.resolve(file).toUri().toString());
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Path png = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String css(WebElement e, String property) {
        return e.getCssValue(property);
    }

    private static boolean highlighted(WebElement e) {
        return Arrays.asList(e.getAttribute("class").split(" ")).contains("hl");
    }

    /** The sentence links of the TEI: target ids, Chinese first. */
    private static List<List<String>> sentenceLinks() throws Exception {
        List<List<String>> links = new ArrayList<>();
        for (XdmItem l : TextBySentenceTest.xpath().evaluate(
                "//*:linkGrp[@type='translation'][@subtype='sentence']/*:link", tei)) {
            links.add(Arrays.stream(((XdmNode) l).attribute("target").split(" ")).map(t -> t.substring(1)).toList());
        }
        return links;
    }

    /** A link with one Chinese and several English sentences (the reference article has them), else any link. */
    private static List<String> oneToMany() throws Exception {
        List<List<String>> links = sentenceLinks();
        assertTrue(links.size() > 3, "the reference article has sentence links");
        return links.stream().filter(l -> l.stream().filter(t -> t.startsWith("zh")).count() == 1
                && l.stream().filter(t -> t.startsWith("en")).count() > 1).findFirst().orElse(links.get(2));
    }

    @Test
    void hoveringAnEnglishSentenceHighlightsItsChineseCounterpart() throws Exception {
        open(driver, ARTICLE + ".html");
        List<String> link = oneToMany();
        String zhId = link.get(0);
        String enId = link.get(link.size() - 1);
        // a Chinese sentence of another link, for comparison
        String otherZh = sentenceLinks().get(0).get(0);
        assertNotEquals(zhId, otherZh);
        WebElement en = driver.findElement(By.id(enId));
        WebElement zh = driver.findElement(By.id(zhId));
        WebElement other = driver.findElement(By.id(otherZh));
        String plain = css(zh, "background-color");
        assertFalse(highlighted(zh));

        new Actions(driver).moveToElement(en).perform();
        assertTrue(highlighted(zh), zhId + " is highlighted while " + enId + " is hovered");
        assertFalse(highlighted(other), otherZh + " is not");
        assertNotEquals(css(other, "background-color"), css(zh, "background-color"),
                "the counterpart's background differs from another sentence's");
        assertNotEquals(plain, css(zh, "background-color"), "the counterpart's background changes");
        // the English sentences of the same link are not the hovered one's counterparts
        for (String id : link.subList(1, link.size() - 1)) {
            assertFalse(highlighted(driver.findElement(By.id(id))), id);
        }
        screenshot(driver, "reading-view-hover");

        // and back from Chinese to English: every English sentence of the link
        new Actions(driver).moveToElement(zh).perform();
        for (String id : link.subList(1, link.size())) {
            assertTrue(highlighted(driver.findElement(By.id(id))), id + " highlighted while " + zhId + " is hovered");
        }
        // away from any sentence: nothing highlighted
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("header.panel h1"))).perform();
        assertTrue(driver.findElements(By.cssSelector(".s.hl")).isEmpty(), "highlight removed on mouse out");
        assertEquals(plain, css(zh, "background-color"));
    }

    @Test
    void focusingAnEnglishSentenceByKeyboardHighlightsItsCounterpart() throws Exception {
        open(driver, ARTICLE + ".html");
        List<String> link = oneToMany();
        String zhId = link.get(0);
        String enId = link.get(1);
        WebElement zh = driver.findElement(By.id(zhId));
        // start on the Chinese sentence (the one before in tab order), then Tab to the English one
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", zh);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement active = driver.switchTo().activeElement();
        assertEquals(enId, active.getAttribute("id"), "Tab moves from a Chinese sentence to its English one");
        assertTrue(highlighted(zh), zhId + " highlighted while " + enId + " has the focus");
        assertNotEquals("none", css(active, "outline-style"), "the focused sentence shows a focus ring");
        screenshot(driver, "reading-view-focus");
        // Tab on, past the link's sentences: the highlight follows the focus
        for (int i = 2; i < link.size(); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        new Actions(driver).sendKeys(Keys.TAB).perform();
        String now = driver.switchTo().activeElement().getAttribute("id");
        assertFalse(link.contains(now), "focus left the link: " + now);
        assertFalse(highlighted(zh), zhId + " no longer highlighted");
    }

    @Test
    void theLanguageSwitchHidesAndShowsTheColumns() throws Exception {
        open(driver, ARTICLE + ".html");
        screenshot(driver, "reading-view");
        checkSwitch(driver, "reading-view-zh-only");
        // by keyboard: the radio buttons are one group, arrow keys choose
        driver.findElement(By.id("bt-show-both")).click();
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        assertTrue(driver.findElement(By.id("bt-show-zh")).isSelected());
        assertEquals("none", css(driver.findElement(By.cssSelector("td.en")), "display"));
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        assertTrue(driver.findElement(By.id("bt-show-en")).isSelected());
        assertEquals("none", css(driver.findElement(By.cssSelector("td.zh")), "display"));
        assertEquals("table-cell", css(driver.findElement(By.cssSelector("td.en")), "display"));
    }

    /** Clicks through the switch's labels and checks which columns show. */
    private static void checkSwitch(WebDriver d, String screenshotZhOnly) throws IOException {
        WebElement zhCell = d.findElement(By.cssSelector("td.zh"));
        WebElement enCell = d.findElement(By.cssSelector("td.en"));
        // the width the table has to fill: that of main, which holds it
        WebElement table = d.findElement(By.cssSelector("main"));
        assertEquals("table-cell", css(zhCell, "display"));
        assertEquals("table-cell", css(enCell, "display"));
        assertTrue(d.findElement(By.id("bt-show-both")).isSelected());

        d.findElement(By.cssSelector("label:has(#bt-show-zh)")).click();
        assertEquals("none", css(enCell, "display"), "Chinese only: no English cell");
        assertEquals("none", css(d.findElement(By.cssSelector("th.en")), "display"));
        assertEquals("table-cell", css(zhCell, "display"));
        assertTrue(zhCell.getRect().getWidth() > 0.8 * table.getRect().getWidth(), "the Chinese column takes the width");
        if (screenshotZhOnly != null) {
            screenshot(d, screenshotZhOnly);
        }
        d.findElement(By.cssSelector("label:has(#bt-show-en)")).click();
        assertEquals("none", css(zhCell, "display"), "English only: no Chinese cell");
        assertEquals("table-cell", css(enCell, "display"));
        assertTrue(enCell.getRect().getWidth() > 0.8 * table.getRect().getWidth(), "the English column takes the width");

        d.findElement(By.cssSelector("label:has(#bt-show-both)")).click();
        assertEquals("table-cell", css(zhCell, "display"));
        assertEquals("table-cell", css(enCell, "display"));
    }

    /** On the page of a teiCorpus, each member's switch and highlighting act on that member alone. */
    @Test
    void inACorpusEachReadingViewHasItsOwnSwitchAndHighlighting() throws Exception {
        open(driver, "corpus.html");
        WebElement ferryEn = driver.findElement(By.cssSelector("#m2-2 td.en"));
        WebElement marketZh = driver.findElement(By.cssSelector("#m3 td.zh"));
        WebElement marketEn = driver.findElement(By.cssSelector("#m3 td.en"));
        driver.findElement(By.cssSelector("label:has(#m3-bt-show-zh)")).click();
        assertTrue(driver.findElement(By.id("m3-bt-show-zh")).isSelected());
        assertTrue(driver.findElement(By.id("m2-2-bt-show-both")).isSelected(), "the other member's switch keeps its choice");
        assertEquals("none", css(marketEn, "display"), "Chinese only: no English cell");
        assertEquals("table-cell", css(marketZh, "display"));
        assertEquals("table-cell", css(ferryEn, "display"), "the other member's table keeps both columns");
        assertTrue(marketZh.getRect().getWidth() > 0.8 * driver.findElement(By.cssSelector("#m3 table.parallel")).getRect()
                .getWidth(), "the Chinese column takes the width");
        screenshot(driver, "corpus-zh-only");
        driver.findElement(By.cssSelector("label:has(#m3-bt-show-both)")).click();
        assertEquals("table-cell", css(marketEn, "display"));
        // a sentence's counterpart is found by its prefixed id
        new Actions(driver).moveToElement(driver.findElement(By.id("m3-market-en-p1-s1"))).perform();
        assertTrue(highlighted(driver.findElement(By.id("m3-market-zh-p1-s1"))), "counterpart highlighted");
        assertFalse(highlighted(driver.findElement(By.id("m3-market-zh-p1-s2"))), "another sentence is not");
    }

    @Test
    void withoutJavaScriptTheSwitchWorksAndRowsStillHighlight() throws Exception {
        WebDriver plain = browser(false);
        try {
            // script is off: the index page's script would show its filter field
            open(plain, "index.html");
            assertFalse(plain.findElement(By.id("bt-filter-box")).isDisplayed(), "JavaScript is off in this browser");
            open(plain, ARTICLE + ".html");
            checkSwitch(plain, null);
            List<String> link = oneToMany();
            WebElement en = plain.findElement(By.id(link.get(1)));
            WebElement zhCell = plain.findElement(By.id(link.get(0))).findElement(By.xpath("ancestor::td"));
            String before = css(zhCell, "background-color");
            new Actions(plain).moveToElement(en).perform();
            assertNotEquals(before, css(zhCell, "background-color"), "the hovered row is highlighted by CSS alone");
            assertTrue(plain.findElements(By.cssSelector(".s.hl")).isEmpty(), "no script ran");
            screenshot(plain, "reading-view-no-script");
        } finally {
            plain.quit();
        }
    }

    @Test
    void onAPhoneTheSidesStackInEachRow() throws Exception {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 1400));
        try {
            open(driver, ARTICLE + ".html");
            List<String> link = oneToMany();
            WebElement zh = driver.findElement(By.id(link.get(0))).findElement(By.xpath("ancestor::td"));
            WebElement en = driver.findElement(By.id(link.get(1))).findElement(By.xpath("ancestor::td"));
            assertEquals("block", css(zh, "display"));
            assertTrue(en.getRect().getY() >= zh.getRect().getY() + zh.getRect().getHeight() - 1,
                    "the English cell comes below the Chinese one");
            long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth");
            long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.clientWidth");
            assertTrue(scrollWidth <= clientWidth, "no sideways scrolling: " + scrollWidth + " > " + clientWidth);
            screenshot(driver, "reading-view-phone");
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Test
    void printShowsBothColumnsWithoutSwitchOrHighlight() throws Exception {
        open(driver, ARTICLE + ".html");
        driver.findElement(By.cssSelector("label:has(#bt-show-zh)")).click();
        List<String> link = oneToMany();
        new Actions(driver).moveToElement(driver.findElement(By.id(link.get(0)))).perform();
        assertTrue(highlighted(driver.findElement(By.id(link.get(1)))));
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("none", css(driver.findElement(By.cssSelector("fieldset.switch")), "display"), "no switch on paper");
            assertEquals("table-cell", css(driver.findElement(By.cssSelector("td.en")), "display"), "both columns on paper");
            assertEquals("table-cell", css(driver.findElement(By.cssSelector("td.zh")), "display"));
            assertEquals("rgba(0, 0, 0, 0)", css(driver.findElement(By.id(link.get(1))), "background-color"),
                    "no highlight on paper");
            assertEquals("avoid", css(driver.findElement(By.cssSelector("tr.pair")), "break-inside"), "rows kept whole");
            screenshot(driver, "reading-view-print");
        } finally {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void indexFiltersAndSorts() throws Exception {
        open(driver, "index.html");
        List<WebElement> rows = driver.findElements(By.cssSelector("table.index tbody tr"));
        int total = rows.size();
        assertEquals(Corpus.articles().size(), total);
        WebElement count = driver.findElement(By.id("bt-count"));
        assertEquals(total + " articles", count.getText());
        screenshot(driver, "index");

        // filter: rows not containing every word typed are hidden, and the count says so
        WebElement field = driver.findElement(By.id("bt-filter"));
        assertTrue(field.isDisplayed(), "the filter field shows when script runs");
        field.sendKeys("1960-06");
        long shown = visibleRows().size();
        assertTrue(shown > 0 && shown < total, "some rows hidden: " + shown);
        for (WebElement r : visibleRows()) {
            assertTrue(r.getText().contains("1960-06"), r.getText());
        }
        assertEquals(shown + " of " + total + " articles", count.getText());
        field.sendKeys(" 苏州");
        assertEquals(1, visibleRows().size(), "two words: both must match");
        assertEquals("1 of " + total + " articles", count.getText());
        screenshot(driver, "index-filtered");
        field.clear();
        field.sendKeys(Keys.SPACE, Keys.BACK_SPACE);
        assertEquals(total, visibleRows().size(), "an empty filter shows all");
        assertEquals(total + " articles", count.getText());

        // sort by date: click, then again for the other direction
        WebElement dateHeader = driver.findElement(By.cssSelector("table.index thead th:nth-child(1)"));
        dateHeader.findElement(By.tagName("button")).click();
        assertEquals("ascending", dateHeader.getAttribute("aria-sort"));
        List<String> dates = column(1);
        assertEquals(dates.stream().sorted().toList(), dates);
        dateHeader.findElement(By.tagName("button")).click();
        assertEquals("descending", dateHeader.getAttribute("aria-sort"));
        dates = column(1);
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates);

        // sort by page, by keyboard: numbers in numeric order (2 before 12), other headers back to "none"
        WebElement pageButton = driver.findElement(By.cssSelector("table.index thead th:nth-child(2) button"));
        new Actions(driver).moveToElement(pageButton).perform();
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", pageButton);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertEquals("ascending", driver.findElement(By.cssSelector("table.index thead th:nth-child(2)"))
                .getAttribute("aria-sort"));
        assertEquals("none", dateHeader.getAttribute("aria-sort"));
        List<Integer> pages = column(2).stream().filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        assertEquals(pages.stream().sorted().toList(), pages, "pages sorted as numbers");
        assertTrue(pages.contains(2) && pages.contains(12), "the corpus has pages 2 and 12: " + pages);
        screenshot(driver, "index-sorted");
    }

    private static List<WebElement> visibleRows() {
        return driver.findElements(By.cssSelector("table.index tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    private static List<String> column(int n) {
        return driver.findElements(By.cssSelector("table.index tbody tr td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void indexWithoutJavaScriptShowsTheWholeTable() throws Exception {
        WebDriver plain = browser(false);
        try {
            plain.get(dir.resolve("index.html").toUri().toString());
            assertFalse(plain.findElement(By.id("bt-filter-box")).isDisplayed(), "no filter field that would do nothing");
            assertEquals(Corpus.articles().size(), plain.findElements(By.cssSelector("table.index tbody tr")).stream()
                    .filter(WebElement::isDisplayed).count());
            assertTrue(plain.findElements(By.cssSelector("table.index th button")).isEmpty());
        } finally {
            plain.quit();
        }
    }
}
