package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.OAIClient;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.ListIdentifiersParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bitext.Corpus;
import org.bitext.catalog.Catalog;
import org.bitext.cli.CliTest;
import org.bitext.export.oai.OaiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} harvested by a real OAI-PMH client, XOAI's service provider (the harvester of Dataverse): a full
 * harvest page by page, then an incremental harvest ({@code from} = the time of the last one, as DSpace, Fedora and
 * aggregators harvest) after a re-run in which one input changed, one was added and one removed; and the HTML site
 * from the same server.
 */
class HarvestTest {
    @TempDir
    Path tmp;

    private static ServiceProvider harvester(OaiServer s) {
        String base = s.baseUrl().toString();
        return new ServiceProvider(new Context().withBaseUrl(base).withGranularity(Granularity.Second)
                .withMetadataTransformer("oai_dc", Context.KnownTransformer.OAI_DC).withSaveUnparsedMetadata()
                .withOAIClient(OAIClient.newBuilder().withBaseUrl(base).withRequestTimeout(Duration.ofSeconds(30))
                        .build()));
    }

    private static List<Header> identifiers(ServiceProvider sp, Instant from) throws Exception {
        ListIdentifiersParameters p = ListIdentifiersParameters.request().withMetadataPrefix("oai_dc");
        if (from != null) {
            p = p.withFrom(from);
        }
        List<Header> out = new ArrayList<>();
        Iterator<Header> it = sp.listIdentifiers(p);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void fullThenIncrementalHarvestWithXoai() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Path a : Corpus.articles()) {
            Files.copy(a, in.resolve(a.getFileName()));
        }
        Path out = tmp.resolve("out");
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());
        try (OaiServer server = OaiServer.start(out, OaiServer.Config.defaults().withPageSize(5), line -> { })) {
            ServiceProvider sp = harvester(server);
            assertEquals("YYYY-MM-DDThh:mm:ssZ", sp.identify().getGranularity().toString());
            // a full harvest, in pages of 5: every record exactly once
            List<Header> all = identifiers(sp, null);
            assertEquals(12, all.size());
            assertEquals(12, new HashSet<>(all.stream().map(Header::getIdentifier).toList()).size());
            Map<String, String> titles = new TreeMap<>();
            Iterator<Record> records = sp.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc"));
            while (records.hasNext()) {
                Record r = records.next();
                String dc = r.getMetadata().asUnparsedString();
                int t = dc.indexOf("title");
                titles.put(r.getHeader().getIdentifier(), t < 0 ? "" : dc.substring(t, Math.min(dc.length(), t + 80)));
            }
            assertEquals(12, titles.size());
            assertTrue(titles.values().stream().allMatch(t -> t != null && !t.isBlank()), titles.toString());

            // the harvester remembers when it harvested; then the archive changes and is re-run
            Thread.sleep(1100);
            Instant lastHarvest = Catalog.now();
            Thread.sleep(1100);
            Path changed = in.resolve("1960-06-14_suzhou_ganbu_reference_example.txt");
            Files.writeString(changed, Files.readString(changed).replace("苏州", "苏州市"));
            Files.copy(in.resolve("1950-10-01_tupian_caption_blank_header_lines.txt"),
                    in.resolve("1950-10-01_tupian_added.txt"));
            Files.delete(in.resolve("1967-08-02_mao_yulu_quotation.txt"));
            assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());

            // the incremental harvest, from the same running server: exactly those three, the removed one deleted,
            // and the records whose reading view now links to other neighbours (its file, and so the record's METS
            // checksum, changed): the added article's two neighbours by date, and the article before the removed one
            List<Header> since = identifiers(sp, lastHarvest);
            Map<String, Boolean> got = new TreeMap<>();
            since.forEach(h -> got.put(h.getIdentifier(), h.isDeleted()));
            assertEquals(Map.of("oai:bitext:rmrb-1950-10-01-tupian-added", false,
                    "oai:bitext:rmrb-1960-06-14-suzhou-ganbu-reference-example", false,
                    "oai:bitext:rmrb-1967-08-02-mao-yulu-quotation", true,
                    "oai:bitext:rmrb-1946-05-18-yongfeng-yunshu-ocr-illegible-x", false,
                    "oai:bitext:rmrb-1950-10-01-tupian-caption-blank-header-lines", false,
                    "oai:bitext:rmrb-1967-08-01-jianming-xinwen-column", false), got);
            assertEquals(6, since.size(), "nothing twice");
            // and a new full harvest still has every record once, the deleted one among them as deleted
            List<Header> again = identifiers(sp, null);
            assertEquals(13, again.size());
            assertEquals(1, again.stream().filter(Header::isDeleted).count());
        }
    }

    /** One serve answers the site at / and OAI-PMH at /oai; nothing outside OUT/html is served. */
    @Test
    void theSiteAndOaiFromOneServerAndNoPathOutOfTheSite() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        try (OaiServer server = OaiServer.start(out, OaiServer.Config.defaults(), line -> { })) {
            HttpClient http = HttpClient.newHttpClient();
            URI root = server.baseUrl().resolve("/");
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(root).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<ul class=\"counts\""), "the archive page");
            String etag = index.headers().firstValue("ETag").orElseThrow();
            assertTrue(index.headers().firstValue("Last-Modified").isPresent());
            assertEquals(304, http.send(HttpRequest.newBuilder(root).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "conditional GET");
            HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(root.resolve("/index.html"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("?verb=Identify"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, head.statusCode());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(root.resolve(
                    "/1960-06-14_suzhou_ganbu_reference_example.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            HttpResponse<String> oai = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/oai?verb=Identify"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(oai.body().contains("<Identify>"));
            // traversal, sent raw (HTTP clients normalise such paths away)
            for (String path : List.of("/../catalog.sqlite", "/%2e%2e/catalog.sqlite", "/..%2Freport.json",
                    "/tei/../../report.json", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/catalog.sqlite", "/report.json",
                    "/tei/", "/oai/../catalog.sqlite")) {
                String response = raw(server, path);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertFalse(status.contains(" 200 "), path + ": " + status);
                assertFalse(response.contains("SQLite format 3") || response.contains("\"inputs\""), path);
            }
            // a request line and headers beyond the bound are refused, and the server goes on
            String big = raw(server, "/index.html?" + "x".repeat(40_000));
            assertNotEquals(-1, big.indexOf(" 414 ") + big.indexOf(" 431 ") + big.indexOf(" 400 ") + 2, big);
            assertEquals(200, http.send(HttpRequest.newBuilder(root).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static String raw(OaiServer server, String path) throws Exception {
        try (Socket s = new Socket(server.address().getHostString(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream i = s.getInputStream();
            return new String(i.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
