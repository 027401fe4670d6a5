package org.bitext.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.Corpus;
import org.bitext.cli.Main;
import org.bitext.export.oai.OaiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitext index} and the JSON API and page of {@code serve}, over HTTP. */
class SearchHttpTest {
    @TempDir
    Path tmp;

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void indexCommandThenTheApi() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"),
                in.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"));
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", in.toString(), "-o", out.toString(), "-q", "--no-index"));
        try (OaiServer server = OaiServer.start(out, OaiServer.Config.defaults(), line -> { })) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            // no index yet: both say how to build it
            HttpResponse<String> none = get(base + "/api/search?q=x");
            assertEquals(503, none.statusCode());
            assertTrue(none.body().contains("bitext index"), none.body());
            assertTrue(get(base + "/search?q=x").body().contains("bitext index"));

            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(o), new PrintWriter(e), "index", out.toString()));
            assertTrue(o.toString().contains("1 added, 0 changed, 0 removed, 0 unchanged"), o.toString());
            assertEquals("", e.toString());

            // the server finds the index built after it started
            HttpResponse<String> r = get(base + "/api/search?q=" + enc("干部") + "&size=3");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
            JsonNode j = new ObjectMapper().readTree(r.body());
            assertTrue(j.get("total").asLong() > 3, r.body());
            assertEquals(3, j.get("hits").size());
            JsonNode hit = j.get("hits").get(0);
            for (String f : new String[] {"article", "sentence", "date", "text", "highlighted", "url"}) {
                assertFalse(hit.get(f).asText().isEmpty(), f);
            }
            assertFalse(hit.get("title").get("zh").asText().isEmpty());
            assertFalse(hit.get("title").get("en").asText().isEmpty());
            assertTrue(hit.get("highlighted").asText().contains("<mark>干部</mark>"));
            assertTrue(hit.get("url").asText().endsWith("#" + hit.get("sentence").asText()));
            assertEquals(200, get(base + "/" + hit.get("url").asText().replaceFirst("#.*", "")).statusCode(),
                    "the reading view is served where the url says");
            assertEquals("1960", j.get("facets").get("year").get(0).get("value").asText());
            assertTrue(r.body().contains("\\u003Cmark\\u003E"), "< and > are escaped in the JSON text");

            // bounds and bad arguments
            assertEquals(400, get(base + "/api/search?q=" + "x".repeat(501)).statusCode());
            JsonNode big = new ObjectMapper().readTree(get(base + "/api/search?q=cadres&size=1000").body());
            assertEquals(20, big.get("size").asInt());
            assertEquals(1, big.get("notes").size());
            JsonNode badDate = new ObjectMapper().readTree(get(base + "/api/search?q=cadres&from=soon").body());
            assertTrue(badDate.get("notes").get(0).asText().contains("from"));
            JsonNode malformed = new ObjectMapper().readTree(get(base + "/api/search?q=" + enc("cadres AND (")).body());
            assertEquals(1, malformed.get("notes").size());
            assertTrue(malformed.get("total").asLong() > 0);
            assertEquals(405, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/search"))
                    .POST(HttpRequest.BodyPublishers.ofString("q=x")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
            HttpResponse<String> page = get(base + "/search?q=cadres");
            assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"));
        }
    }

    @Test
    void indexWithoutCatalogIsOneLine() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(o), new PrintWriter(e), "index", tmp.toString()));
        assertEquals(1, e.toString().strip().lines().count(), e.toString());
        assertTrue(e.toString().startsWith("bitext: error: ") && e.toString().contains("no catalog"), e.toString());
    }
}
