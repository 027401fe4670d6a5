package org.bitext.search;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code serve}'s search: the page {@code /search} (a form, the hits with their counterparts, facets by year, page and
 * section, a date range, pages of results) and the JSON API {@code /api/search}, over {@code OUT/search/}. Arguments:
 * {@code q} (at most {@value Searcher#MAX_QUERY} characters, else 400), {@code from} and {@code to} ({@code YYYY},
 * {@code YYYY-MM} or {@code YYYY-MM-DD}), {@code year}, {@code page}, {@code section}, {@code p} (the page of results,
 * from 1) and {@code size} (1 to {@value Searcher#MAX_SIZE}); a bad number or date is ignored with a note. Every text
 * from the query or the index is escaped (the page also forbids scripts by its Content-Security-Policy; the JSON
 * escapes {@code <}, {@code >} and {@code &}); nothing is read but the index. Without an index, both say to run
 * {@code bitext index OUT} (503), and find it once it is there.
 */
public final class SearchHandler extends Handler.Abstract {
    /** The page's path. */
    public static final String PAGE = "/search";
    /** The JSON API's path. */
    public static final String API = "/api/search";

    private final Path out;
    private final Consumer<String> log;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Searcher searcher;

    private SearchHandler(Path out, Consumer<String> log) {
        this.out = out;
        this.log = log;
        json.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    /** Adds {@code /search} and {@code /api/search} over {@code out}'s index to a server's paths. */
    public static void addTo(PathMappingsHandler paths, Path out, Consumer<String> log) {
        SearchHandler h = new SearchHandler(out, log);
        paths.addMapping(PathSpec.from(PAGE), h);
        paths.addMapping(PathSpec.from(API), h);
    }

    private Searcher searcher() throws IOException {
        Searcher s = searcher;
        if (s == null) {
            synchronized (this) {
                if (searcher == null) {
                    searcher = Searcher.open(out);
                }
                s = searcher;
            }
        }
        return s;
    }

    @Override
    protected void doStop() throws Exception {
        Searcher s = searcher;
        if (s != null) {
            s.close();
        }
        super.doStop();
    }

    @Override
    public boolean handle(Request req, Response resp, Callback cb) {
        boolean api = req.getHttpURI().getPath().endsWith(API);
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            resp.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(resp, cb, 405, api, error(api, "method not allowed: use GET"));
            return true;
        }
        Fields args;
        try {
            args = Request.extractQueryParameters(req, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            send(resp, cb, 400, api, error(api, "the query string is not well-formed UTF-8 form data"));
            return true;
        }
        String q = value(args, "q");
        if (q.length() > Searcher.MAX_QUERY) {
            send(resp, cb, 400, api, error(api, "the query is longer than " + Searcher.MAX_QUERY + " characters"));
            return true;
        }
        List<String> notes = new ArrayList<>();
        int size = number(args, "size", Searcher.DEFAULT_SIZE, notes);
        if (size < 1 || size > Searcher.MAX_SIZE) {
            notes.add("size must be 1 to " + Searcher.MAX_SIZE + "; " + Searcher.DEFAULT_SIZE + " hits per page shown");
            size = Searcher.DEFAULT_SIZE;
        }
        int number = number(args, "p", 1, notes);
        if (number < 1 || (long) number * size > Searcher.MAX_DEPTH) {
            notes.add("results go " + Searcher.MAX_DEPTH + " hits deep; the first page is shown");
            number = 1;
        }
        LocalDate from = date(args, "from", true, notes);
        LocalDate to = date(args, "to", false, notes);
        Searcher.Query query = new Searcher.Query(q, from, to, facet(args, "year"), facet(args, "page"),
                facet(args, "section"), number, size);
        try {
            Searcher s;
            try {
                s = searcher();
            } catch (Searcher.NoIndex e) {
                send(resp, cb, 503, api, api ? error(true, e.getMessage()) : page(query, null, List.of(e.getMessage()),
                        true));
                return true;
            } catch (IOException e) {
                log.accept("bitext serve: " + SearchIndex.folderOf(out) + ": " + e);
                String m = "the search index cannot be read; remove " + SearchIndex.folderOf(out) + " and run `bitext "
                        + "index " + out + "` to build it again";
                send(resp, cb, 503, api, api ? error(true, m) : page(query, null, List.of(m), true));
                return true;
            }
            Searcher.Results r = s.search(query);
            List<String> all = new ArrayList<>(notes);
            all.addAll(r.notes());
            send(resp, cb, 200, api, api ? json(r, all) : page(query, r, all, false));
        } catch (IOException | RuntimeException e) {
            log.accept("bitext serve: internal error on " + req.getHttpURI().getPathQuery() + ": " + e);
            send(resp, cb, 500, api, error(api, "internal error"));
        }
        return true;
    }

    private static String value(Fields args, String name) {
        String v = args.getValue(name);
        return v == null ? "" : v.strip();
    }

    private static String facet(Fields args, String name) {
        String v = value(args, name);
        return v.isEmpty() || v.length() > 200 ? null : v;
    }

    private static int number(Fields args, String name, int fallback, List<String> notes) {
        String v = value(args, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            notes.add(name + " is not a number; ignored");
            return fallback;
        }
    }

    private static LocalDate date(Fields args, String name, boolean start, List<String> notes) {
        String v = value(args, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Searcher.date(v, start);
        } catch (IllegalArgumentException e) {
            notes.add(name + ": " + e.getMessage() + "; ignored");
            return null;
        }
    }

    private void send(Response resp, Callback cb, int status, boolean api, byte[] body) {
        resp.setStatus(status);
        resp.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json; charset=UTF-8"
                : "text/html; charset=UTF-8");
        resp.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        resp.getHeaders().put("X-Content-Type-Options", "nosniff");
        resp.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        resp.write(true, ByteBuffer.wrap(body), cb);
    }

    private byte[] error(boolean api, String message) {
        if (api) {
            try {
                return json.writeValueAsBytes(Map.of("error", message));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return page(null, null, List.of(message), true);
    }

    // ---------------------------------------------------------------------------------------------------- JSON

    private byte[] json(Searcher.Results r, List<String> notes) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("query", r.query().text());
        o.put("total", r.total());
        o.put("page", r.query().number());
        o.put("size", r.query().size());
        o.put("pages", r.pages());
        o.put("notes", notes);
        Map<String, Object> facets = new LinkedHashMap<>();
        r.facets().forEach((dim, counts) -> facets.put(dim, counts.stream()
                .map(c -> Map.of("value", c.value(), "count", c.hits())).toList()));
        o.put("facets", facets);
        List<Object> hits = new ArrayList<>();
        for (Searcher.Hit h : r.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("article", h.article());
            m.put("sentence", h.sentence());
            m.put("lang", h.lang().equals("zh") ? "zh-Hans" : "en");
            m.put("date", h.date());
            m.put("page", h.page());
            m.put("section", h.section());
            m.put("column", h.column());
            m.put("title", Map.of("zh", h.titleZh(), "en", h.titleEn()));
            m.put("text", h.text());
            m.put("highlighted", h.highlighted());
            m.put("counterparts", h.counterparts().stream().map(c -> {
                Map<String, Object> cp = new LinkedHashMap<>();
                cp.put("sentence", c.id());
                cp.put("text", c.text());
                cp.put("highlighted", c.highlighted());
                return cp;
            }).toList());
            m.put("url", h.url());
            hits.add(m);
        }
        o.put("hits", hits);
        return json.writeValueAsBytes(o);
    }

    /** JSON strings with {@code <}, {@code >}, {@code &} and {@code '} as {@code \\u} escapes: safe inside HTML too. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------- HTML

    /** The site's style sheet (what every page of {@code html/} has inline), so that the search page looks like them. */
    private static final String SITE_CSS = siteCss();

    /** The search page's own rules, in the site's colours and type (its custom properties). */
    private static final String STYLE = """
            form { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: .6rem 0 0; }
            form input { font: inherit; padding: .3rem .55rem; border: 1px solid var(--rule); border-radius: 3px; \
            background: #fff; color: var(--ink); }
            form input[type=search] { flex: 1 1 24rem; font-size: 1.1rem; }
            form input[name=from], form input[name=to] { width: 8.5em; }
            form input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
            form label { color: var(--muted); font-size: .78rem; letter-spacing: .05em; text-transform: uppercase; }
            form button { font: inherit; padding: .3rem .9rem; border: 1px solid var(--accent); border-radius: 3px; \
            background: var(--accent); color: #fff; cursor: pointer; }
            .layout { display: grid; grid-template-columns: 12rem 1fr; gap: 1.5rem; }
            .facets h2 { font-size: .78rem; color: var(--muted); letter-spacing: .05em; text-transform: uppercase; \
            font-weight: normal; margin: .8rem 0 .2rem; }
            .facets ul { list-style: none; margin: 0; padding: 0; font-size: .95rem; }
            .facets .n { color: var(--muted); }
            .facets .on { font-weight: bold; }
            .notes { background: var(--hl-soft); border-left: 3px solid var(--low); padding: .4rem .8rem; margin: 0 0 1rem; }
            .notes p { margin: .2rem 0; }
            .count { color: var(--muted); }
            .hits { padding-left: 1.8rem; margin-top: 0; }
            .hit { margin-bottom: 1rem; padding: .6rem .9rem; background: var(--paper); border: 1px solid var(--rule); \
            border-radius: 3px; }
            .layout > div { min-width: 0; }
            .hit .meta { display: block; margin: 0; padding: 0; border: 0; font-size: .85rem; color: var(--muted); \
            overflow-wrap: anywhere; }
            .hit .match { margin: .25rem 0; }
            .hit .counterparts { margin: 0; padding-left: .9rem; border-left: 3px solid var(--rule-strong); list-style: none; }
            mark { background: var(--hl); color: inherit; }
            nav.pages a, nav.pages strong { margin-right: .5rem; }
            @media (max-width: 40rem) { .layout { grid-template-columns: 1fr; } }
            """;

    private static String siteCss() {
        try (java.io.InputStream in = SearchHandler.class.getResourceAsStream("/org/bitext/xslt/common/site.css")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the page works without it, unstyled
        }
    }

    private byte[] page(Searcher.Query q, Searcher.Results r, List<String> notes, boolean failed) {
        StringBuilder b = new StringBuilder(8192);
        String text = q == null ? "" : q.text();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text.isEmpty() ? "" : esc(text) + " — ").append("Search — bitext</title>")
                .append("<style>").append(SITE_CSS).append(STYLE).append("</style></head><body><div class=\"page\">\n")
                .append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li><a href=\"./\">Archive</a></li>")
                .append("<li aria-current=\"page\">Search</li></ol></nav>\n")
                .append("<div class=\"panel\"><h1>Search</h1>\n")
                .append("<form method=\"get\" action=\"search\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" id=\"q\" maxlength=\"").append(Searcher.MAX_QUERY)
                .append("\" value=\"").append(esc(text)).append("\" placeholder=\"大跃进, &quot;people&#39;s commune&quot;\" ")
                .append("aria-label=\"Words or a quoted phrase, Chinese or English\">");
        if (q != null) {
            b.append("<label>from <input name=\"from\" size=\"10\" placeholder=\"YYYY-MM-DD\" value=\"")
                    .append(q.from() == null ? "" : q.from()).append("\"></label>")
                    .append("<label>to <input name=\"to\" size=\"10\" placeholder=\"YYYY-MM-DD\" value=\"")
                    .append(q.to() == null ? "" : q.to()).append("\"></label>");
            hidden(b, "year", q.year());
            hidden(b, "page", q.page());
            hidden(b, "section", q.section());
        }
        b.append("<button type=\"submit\">Search</button></form></div>\n");
        if (!notes.isEmpty()) {
            b.append("<div class=\"notes\" role=\"status\">");
            for (String n : notes) {
                b.append("<p>").append(esc(n)).append("</p>");
            }
            b.append("</div>\n");
        }
        if (!failed && r != null && !text.isEmpty()) {
            b.append("<p class=\"count\"><span id=\"total\">").append(r.total()).append("</span> ")
                    .append(r.total() == 1 ? "sentence" : "sentences").append(" found</p>\n");
            b.append("<div class=\"layout\"><aside class=\"facets\">");
            facets(b, q, r);
            b.append("</aside><div>\n<ol class=\"hits\" start=\"").append((q.number() - 1) * q.size() + 1)
                    .append("\">\n");
            for (Searcher.Hit h : r.hits()) {
                hit(b, h);
            }
            b.append("</ol>\n");
            pages(b, q, r);
            b.append("</div></div>\n");
        } else if (!failed) {
            b.append("<p>Type a word or a quoted phrase in Chinese or English: every sentence that holds it is shown "
                    + "beside its translation.</p>\n");
        }
        b.append("</div></body></html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void hidden(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value))
                    .append("\">");
        }
    }

    private static void hit(StringBuilder b, Searcher.Hit h) {
        boolean zh = h.lang().equals("zh");
        String url = esc(h.url());
        b.append("<li class=\"hit\" data-article=\"").append(esc(h.article())).append("\" data-sentence=\"")
                .append(esc(h.sentence())).append("\">");
        b.append("<div class=\"meta\"><a class=\"title\" href=\"").append(url).append("\">")
                .append("<span lang=\"zh-Hans\">").append(esc(h.titleZh())).append("</span> — <span lang=\"en\">")
                .append(esc(h.titleEn())).append("</span></a> · <span class=\"date\">").append(esc(h.date()))
                .append("</span>");
        if (!h.page().isEmpty()) {
            b.append(" · page ").append(esc(h.page()));
        }
        if (!h.section().isEmpty()) {
            b.append(" · ").append(esc(h.section()));
        }
        if (!h.column().isEmpty()) {
            b.append(" · ").append(esc(h.column()));
        }
        b.append("</div>");
        // the highlighter's output: the sentence escaped, with <mark> around the matches
        b.append("<p class=\"match\" lang=\"").append(zh ? "zh-Hans" : "en").append("\"><a href=\"").append(url)
                .append("\">").append(h.highlighted()).append("</a></p>");
        b.append("<ul class=\"counterparts\" lang=\"").append(zh ? "en" : "zh-Hans").append("\">");
        if (h.counterparts().isEmpty()) {
            b.append("<li class=\"none\">(no counterpart)</li>");
        }
        for (Searcher.Counterpart c : h.counterparts()) {
            // the highlighter's output: the sentence escaped, with <mark> around the query's words it holds
            b.append("<li data-sentence=\"").append(esc(c.id())).append("\">").append(c.highlighted()).append("</li>");
        }
        b.append("</ul></li>\n");
    }

    private static final Map<String, String> NAMES = Map.of("year", "Year", "page", "Page", "section", "Section");

    private static void facets(StringBuilder b, Searcher.Query q, Searcher.Results r) {
        for (var e : r.facets().entrySet()) {
            String dim = e.getKey();
            String selected = switch (dim) {
                case "year" -> q.year();
                case "page" -> q.page();
                default -> q.section();
            };
            if (e.getValue().isEmpty() && selected == null) {
                continue;
            }
            b.append("<h2>").append(NAMES.get(dim)).append("</h2><ul class=\"facet\" data-dim=\"").append(dim)
                    .append("\">");
            if (selected != null) {
                b.append("<li class=\"on\">").append(esc(selected)).append(" <a class=\"remove\" href=\"")
                        .append(esc(link(q, dim, null, 1))).append("\">(all)</a></li>");
            } else {
                for (Searcher.Count c : e.getValue()) {
                    b.append("<li><a href=\"").append(esc(link(q, dim, c.value(), 1))).append("\" data-value=\"")
                            .append(esc(c.value())).append("\">").append(esc(c.value()))
                            .append("</a> <span class=\"n\">").append(c.hits()).append("</span></li>");
                }
            }
            b.append("</ul>");
        }
    }

    private static void pages(StringBuilder b, Searcher.Query q, Searcher.Results r) {
        int pages = r.pages();
        if (pages <= 1) {
            return;
        }
        b.append("<nav class=\"pages\" aria-label=\"Pages of results\">");
        if (q.number() > 1) {
            b.append("<a rel=\"prev\" href=\"").append(esc(link(q, null, null, q.number() - 1))).append("\">‹ previous</a>");
        }
        int lo = Math.max(1, q.number() - 4);
        int hi = Math.min(pages, lo + 9);
        for (int p = lo; p <= hi; p++) {
            if (p == q.number()) {
                b.append("<strong>").append(p).append("</strong>");
            } else {
                b.append("<a href=\"").append(esc(link(q, null, null, p))).append("\">").append(p).append("</a>");
            }
        }
        if (q.number() < pages) {
            b.append("<a rel=\"next\" href=\"").append(esc(link(q, null, null, q.number() + 1))).append("\">next ›</a>");
        }
        b.append("</nav>\n");
    }

    /** The page's URL for the query with one facet set (or removed) and a page of results. */
    private static String link(Searcher.Query q, String dim, String value, int number) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("q", q.text());
        a.put("from", q.from() == null ? null : q.from().toString());
        a.put("to", q.to() == null ? null : q.to().toString());
        a.put("year", q.year());
        a.put("page", q.page());
        a.put("section", q.section());
        if (dim != null) {
            a.put(dim, value);
        }
        if (number > 1) {
            a.put("p", Integer.toString(number));
        }
        if (q.size() != Searcher.DEFAULT_SIZE) {
            a.put("size", Integer.toString(q.size()));
        }
        StringBuilder s = new StringBuilder("search");
        char sep = '?';
        for (var e : a.entrySet()) {
            if (e.getValue() != null) {
                s.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return s.toString();
    }

    private static String esc(String s) {
        return Searcher.escape(s == null ? "" : s);
    }
}
