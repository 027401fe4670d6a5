package org.bitext.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.io.AtomicFiles;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.xml.Xml;

/**
 * The browsable site of a run's output folder, written from the catalog after every run:
 * <ul>
 *   <li>{@code html/index.html}: the years, with their article counts;</li>
 *   <li>{@code html/years/YYYY/index.html}: a year's months, with their counts;</li>
 *   <li>{@code html/years/YYYY/MM.html} (then {@code MM-2.html} …): a month's articles, {@value #PAGE_ROWS} to a
 *       page, in a table that sorts and filters in the browser.</li>
 * </ul>
 * Every page has breadcrumbs (archive › year › month) and relative links only. The articles are read from the
 * catalog in order as a stream, one page of rows at a time, so neither memory nor any page grows with the archive.
 *
 * <p>In the same pass, each reading view's previous and next links are checked against the site's order: the batch
 * rendered them from its plan (dates as file names give them); where the article's real neighbours differ (an input
 * failed, a date came from the header, another run's articles sit in between) the page is rendered again from its TEI.
 */
final class Site {
    /** The folder of the year and month pages, inside {@code html/}. */
    static final String YEARS = "years";
    /**
     * Rows per month page. With titles cut to {@value #TITLE_CHARS} characters a row is at most about 1.6 KB (a long
     * Chinese and English title, a long path), so no page reaches a megabyte whatever the archive; a typical page of
     * the People's Daily is about 280 KB.
     */
    static final int PAGE_ROWS = 500;
    /** A title longer than this is cut, with an ellipsis, in the month table (the reading view has it whole). */
    static final int TITLE_CHARS = 200;

    private final Path out;
    private final Catalog catalog;
    private final Renderer renderer;
    private final Map<String, Output> changed = new LinkedHashMap<>();
    private final Set<Path> written = new HashSet<>();
    private SortedMap<String, Integer> months;

    private final int pageRows;

    private Site(Path out, Catalog catalog, Renderer renderer, int pageRows) {
        this.pageRows = pageRows;
        this.out = out;
        this.catalog = catalog;
        this.renderer = renderer;
    }

    /**
     * Puts the reading views' neighbours right and writes the index pages.
     *
     * @return the reading views rendered again, by path relative to the output folder (their new hash and size)
     */
    static Map<String, Output> write(Path out, Catalog catalog, Renderer renderer) throws IOException {
        return write(out, catalog, renderer, PAGE_ROWS);
    }

    /** As {@link #write(Path, Catalog, Renderer)}, with month pages of {@code pageRows} articles. */
    static Map<String, Output> write(Path out, Catalog catalog, Renderer renderer, int pageRows) throws IOException {
        Site site = new Site(out, catalog, renderer, pageRows);
        try {
            site.pages();
        } catch (CatalogException | SaxonApiException | RenderException | XMLStreamException e) {
            throw new IOException("cannot write the site's index pages: " + e.getMessage(), e);
        }
        return site.changed;
    }

    private void pages() throws IOException, CatalogException, SaxonApiException, RenderException,
            XMLStreamException {
        months = catalog.siteMonths();
        Map<String, Integer> years = new TreeMap<>();
        months.forEach((m, n) -> years.merge(m.substring(0, 4), n, Integer::sum));
        Path html = out.resolve("html");
        write(html.resolve("index.html"), renderer.sitePage("archive", Map.of(), list(years, "year")));
        for (String y : years.keySet()) {
            Map<String, Integer> of = new TreeMap<>();
            months.forEach((m, n) -> {
                if (m.startsWith(y + "-")) {
                    of.put(m, n);
                }
            });
            write(html.resolve(YEARS).resolve(safe(y)).resolve("index.html"),
                    renderer.sitePage("year", Map.of("site-year", y), list(of, "month")));
        }
        // one pass over the articles in order: month pages, and the neighbours of each reading view
        Catalog.SiteRow[] window = new Catalog.SiteRow[2]; // the row before the current one, the current one
        List<Catalog.SiteRow> page = new ArrayList<>(pageRows);
        int[] number = {1};
        catalog.site(row -> {
            if (window[1] != null) {
                checkNeighbours(window[0], window[1], row);
            }
            window[0] = window[1];
            window[1] = row;
            if (!page.isEmpty() && (!month(page.get(0)).equals(month(row)) || page.size() == pageRows)) {
                writeMonthPage(page, number[0]);
                number[0] = month(page.get(0)).equals(month(row)) ? number[0] + 1 : 1;
                page.clear();
            }
            page.add(row);
        });
        if (window[1] != null) {
            checkNeighbours(window[0], window[1], null);
        }
        if (!page.isEmpty()) {
            writeMonthPage(page, number[0]);
        }
        removeOldPages(html.resolve(YEARS));
    }

    private void writeMonthPage(List<Catalog.SiteRow> rows, int number) throws IOException {
        String month = month(rows.get(0));
        int count = months.getOrDefault(month, rows.size());
        int pages = (count + pageRows - 1) / pageRows;
        List<String> dir = List.of("html", YEARS, safe(month.substring(0, 4)));
        try {
            BuildingStreamWriter w = Xml.processor().newDocumentBuilder().newBuildingStreamWriter();
            w.writeStartDocument();
            w.writeStartElement("rows");
            for (Catalog.SiteRow r : rows) {
                w.writeStartElement("article");
                w.writeAttribute("date", r.date());
                w.writeAttribute("page", r.page());
                w.writeAttribute("section", r.section());
                w.writeAttribute("title-zh", cut(r.titleZh()));
                w.writeAttribute("title-en", cut(r.titleEn()));
                w.writeAttribute("href", Nav.href(dir, r.html()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            XdmNode doc = w.getDocumentNode();
            Map<String, String> params = new LinkedHashMap<>();
            params.put("site-year", month.substring(0, 4));
            params.put("site-month", month);
            params.put("site-page", Integer.toString(number));
            params.put("site-pages", Integer.toString(pages));
            params.put("site-count", Integer.toString(count));
            params.put("site-page-rows", Integer.toString(pageRows));
            write(out.resolve("html").resolve(YEARS).resolve(safe(month.substring(0, 4)))
                    .resolve(monthFile(month, number)), renderer.sitePage("month", params, doc));
        } catch (SaxonApiException | XMLStreamException | RenderException e) {
            throw new IOException("cannot write the page of " + month + ": " + e.getMessage(), e);
        }
    }

    /** A title cut to {@value #TITLE_CHARS} characters (whole code points), with an ellipsis when cut. */
    static String cut(String title) {
        if (title.codePointCount(0, title.length()) <= TITLE_CHARS) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, TITLE_CHARS - 1)) + "…";
    }

    /** The file of a month's page: {@code 06.html}, then {@code 06-2.html} … */
    static String monthFile(String month, int number) {
        String mm = safe(month.length() >= 7 ? month.substring(5, 7) : "00");
        return number <= 1 ? mm + ".html" : mm + "-" + number + ".html";
    }

    /** Renders a reading view again when its neighbours in the site's order are not those it links to. */
    private void checkNeighbours(Catalog.SiteRow previous, Catalog.SiteRow row, Catalog.SiteRow next)
            throws IOException, CatalogException {
        Nav nav = Nav.of(row.html(), previous == null ? null : previous.html(), previous == null ? "" : previous.date(),
                next == null ? null : next.html(), next == null ? "" : next.date());
        if (nav.key().equals(row.nav()) || row.tei().isEmpty()) {
            return;
        }
        Path tei = out.resolve(row.tei());
        if (!Files.isRegularFile(tei)) {
            return; // the next run converts it again (its outputs are not intact)
        }
        try {
            byte[] page = renderer.render(Xml.parse(tei), Format.HTML, nav.params());
            AtomicFiles.write(out.resolve(row.html()), page);
            Output o = new Output(row.html(), Hashes.sha256(page), page.length);
            catalog.renavigated(row.id(), o, nav.key(), Catalog.now());
            changed.put(row.html(), o);
        } catch (SaxonApiException | RenderException e) {
            throw new IOException(row.tei() + ": cannot render its reading view again: " + e.getMessage(), e);
        }
    }

    private static String month(Catalog.SiteRow r) {
        return r.date().length() >= 7 ? r.date().substring(0, 7) : "0000-00";
    }

    /**
     * Whether a reading view at this path (relative to the output folder, with {@code /}) would be one of the site's
     * own pages: {@code html/index.html}, or anything under {@code html/years/}. An input at {@code IN/index.txt} or
     * under a folder {@code IN/years/} would get such a path; {@code run} refuses it with a clear error instead of
     * letting the site overwrite or remove it.
     */
    static boolean reserved(String htmlPath) {
        return htmlPath.equals("html/index.html") || htmlPath.startsWith("html/" + YEARS + "/");
    }

    /** The names the site gives the pages under {@code html/years/}: a year's index, a month's pages. */
    private static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile(
            "[0-9_]+/(index|[0-9_]+(-[0-9]+)?)\\.html");

    /** A year or month as a file name: digits only (a date the reader made is always digits). */
    private static String safe(String s) {
        return s.replaceAll("[^0-9]", "_");
    }

    /** The years or months with their counts, as elements for the stylesheet. */
    private static XdmNode list(Map<String, Integer> counts, String name) throws SaxonApiException,
            XMLStreamException {
        BuildingStreamWriter w = Xml.processor().newDocumentBuilder().newBuildingStreamWriter();
        w.writeStartDocument();
        w.writeStartElement("list");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            w.writeStartElement(name);
            w.writeAttribute("value", e.getKey());
            w.writeAttribute("count", e.getValue().toString());
            w.writeAttribute("href", name.equals("year") ? YEARS + "/" + safe(e.getKey()) + "/index.html"
                    : monthFile(e.getKey(), 1));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        return w.getDocumentNode();
    }

    private void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes);
        written.add(file.toAbsolutePath().normalize());
    }

    /** Removes the year and month pages of months that no longer have articles. */
    private void removeOldPages(Path years) throws IOException {
        if (!Files.isDirectory(years)) {
            return;
        }
        List<Path> old = new ArrayList<>();
        try (Stream<Path> s = Files.walk(years)) {
            // only pages of the site's own naming: nothing else is removed, whatever else the folder holds
            s.filter(Files::isRegularFile)
                    .filter(p -> PAGE.matcher(years.relativize(p).toString().replace('\\', '/')).matches())
                    .filter(p -> !written.contains(p.toAbsolutePath().normalize())).forEach(old::add);
        }
        for (Path p : old) {
            Files.deleteIfExists(p);
        }
    }
}
