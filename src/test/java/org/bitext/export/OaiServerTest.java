package org.bitext.export;

import static org.bitext.export.CrosswalkFixtures.assertValid;
import static org.bitext.export.CrosswalkFixtures.parse;
import static org.bitext.export.CrosswalkFixtures.string;
import static org.bitext.export.CrosswalkFixtures.strings;
import static org.bitext.export.CrosswalkFixtures.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.export.oai.OaiServer;
import org.bitext.export.oai.ResumptionToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAI-PMH data provider over the converted corpus, through HTTP, as a harvester uses it: page size 5, so that
 * every list of the 12 articles is paged.
 */
class OaiServerTest {
    private static final String SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static OaiServer server;
    private static Path out;
    /** identifier → {date, page} of every article, read from the TEI files. */
    private static final Map<String, String[]> ARTICLES = new TreeMap<>();

    @BeforeAll
    static void start() throws IOException {
        out = CrosswalkFixtures.runOutput();
        List<String> warnings = new ArrayList<>();
        server = OaiServer.start(out, OaiServer.Config.defaults().withPageSize(5), warnings::add);
        assertEquals(List.of(), warnings);
        for (String path : CrosswalkFixtures.teiPaths()) {
            XdmNode doc = parse(out.resolve(path));
            ARTICLES.put("oai:bitext:" + string(doc, "/tei:TEI/@xml:id"), new String[] {
                string(doc, "//tei:sourceDesc/tei:bibl/tei:date/@when"),
                string(doc, "//tei:sourceDesc/tei:bibl/tei:biblScope/@n")});
        }
        assertEquals(12, ARTICLES.size());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An OAI-PMH response: its bytes, parsed. */
    private record Response(int status, String contentType, byte[] body, XdmNode doc) {
        String error() {
            return string(doc, "/oai:OAI-PMH/oai:error/@code");
        }
    }

    private static Response get(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "?" + query))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return response(r);
    }

    private static Response post(String form) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.baseUrl())
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response(r);
    }

    private static Response response(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertEquals("text/xml; charset=UTF-8", type);
        return new Response(r.statusCode(), type, r.body(), parse(r.body()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Harvests a whole list as a harvester does: the first request, then the resumptionToken of each response
     * until it is empty. Checks completeListSize and cursor on every page.
     *
     * @return every page
     */
    private static List<Response> harvest(String verb, String args, boolean usePost) throws Exception {
        List<Response> pages = new ArrayList<>();
        String query = "verb=" + verb + args;
        int seen = 0;
        Integer total = null;
        for (int guard = 0; guard < 50; guard++) {
            Response r = usePost ? post(query) : get(query);
            assertEquals("", r.error(), new String(r.body(), StandardCharsets.UTF_8));
            pages.add(r);
            int items = xpath(r.doc(), "/oai:OAI-PMH/oai:" + verb + "/(oai:record | oai:header | oai:set)").size();
            var token = xpath(r.doc(), "/oai:OAI-PMH/oai:" + verb + "/oai:resumptionToken");
            if (token.isEmpty()) {
                assertEquals(0, seen, "a list complete in one response has no resumptionToken");
                return pages;
            }
            XdmNode t = (XdmNode) token.itemAt(0);
            String listSize = string(t, "@completeListSize");
            if (!listSize.isEmpty()) {
                int size = Integer.parseInt(listSize);
                if (total == null) {
                    total = size;
                }
                assertEquals(total, size, "completeListSize stays the same");
            }
            assertEquals(seen, Integer.parseInt(string(t, "@cursor")), "cursor = items returned before");
            assertTrue(items <= 5 && items > 0);
            seen += items;
            String next = t.getStringValue();
            if (next.isEmpty()) {
                if (total != null) {
                    assertEquals(total.intValue(), seen, "the last page ends the list");
                }
                assertTrue(string(t, "@expirationDate").isEmpty(), "the last page's empty token does not expire");
                return pages;
            }
            assertTrue(Instant.parse(string(t, "@expirationDate")).isAfter(Instant.now()), "a token expires later");
            assertEquals(5, items, "every page but the last is full");
            query = "verb=" + verb + "&resumptionToken=" + enc(next);
        }
        throw new AssertionError("the list did not end");
    }

    private static List<String> identifiers(List<Response> pages) {
        List<String> ids = new ArrayList<>();
        for (Response p : pages) {
            ids.addAll(strings(p.doc(), "//oai:header/oai:identifier"));
        }
        return ids;
    }

    @Test
    void identify() throws Exception {
        Response r = get("verb=Identify");
        assertValid(CrosswalkFixtures.oaiPmhSchema(), r.body(), "Identify");
        XdmNode d = r.doc();
        assertEquals(server.baseUrl().toString(), string(d, "//oai:Identify/oai:baseURL"));
        assertEquals(server.baseUrl().toString(), string(d, "/oai:OAI-PMH/oai:request"));
        assertEquals("Identify", string(d, "/oai:OAI-PMH/oai:request/@verb"));
        assertEquals("2.0", string(d, "//oai:protocolVersion"));
        assertTrue(string(d, "//oai:earliestDatestamp").matches(SECONDS), string(d, "//oai:earliestDatestamp"));
        assertEquals("persistent", string(d, "//oai:deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", string(d, "//oai:granularity"));
        assertEquals(OaiServer.DEFAULT_ADMIN_EMAIL, string(d, "//oai:adminEmail"));
        assertFalse(string(d, "//oai:repositoryName").isEmpty());
        assertTrue(string(d, "//oai:responseDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertTrue(server.baseUrl().toString().matches("http://127\\.0\\.0\\.1:\\d+/oai"), server.baseUrl().toString());
    }

    @Test
    void listRecordsHarvestsEveryArticleOnceInEveryFormat() throws Exception {
        for (String prefix : List.of("oai_dc", "mets", "tei")) {
            List<Response> pages = harvest("ListRecords", "&metadataPrefix=" + prefix, false);
            assertEquals(3, pages.size(), prefix + ": 12 records in pages of 5");
            List<String> ids = identifiers(pages);
            assertEquals(12, ids.size(), prefix);
            assertEquals(ARTICLES.keySet(), new TreeSet<>(ids), prefix + ": every record exactly once");
            for (Response p : pages) {
                if (!prefix.equals("tei")) { // no XSD of TEI to check a tei record against
                    assertValid(CrosswalkFixtures.oaiPmhSchema(), p.body(), "ListRecords " + prefix);
                }
                for (XdmNode rec : xpath(p.doc(), "//oai:record").stream().map(i -> (XdmNode) i).toList()) {
                    String id = string(rec, "oai:header/oai:identifier");
                    assertTrue(string(rec, "oai:header/oai:datestamp").matches(SECONDS), id);
                    switch (prefix) {
                        case "oai_dc" -> assertEquals(List.of("zh-Hans", "en"),
                                strings(rec, "oai:metadata/oai_dc:dc/dc:title/@xml:lang"), id);
                        case "mets" -> assertEquals(4, xpath(rec, "oai:metadata/mets:mets//mets:file").size(), id);
                        default -> assertEquals(id, "oai:bitext:" + string(rec, "oai:metadata/tei:TEI/@xml:id"));
                    }
                }
            }
        }
    }

    @Test
    void listIdentifiersByPostHarvestsEveryArticleOnceInDatestampOrder() throws Exception {
        List<Response> pages = harvest("ListIdentifiers", "&metadataPrefix=oai_dc", true);
        for (Response p : pages) {
            assertValid(CrosswalkFixtures.oaiPmhSchema(), p.body(), "ListIdentifiers");
            assertTrue(xpath(p.doc(), "//oai:metadata").isEmpty());
        }
        List<String> ids = identifiers(pages);
        assertEquals(12, ids.size());
        assertEquals(12, new HashSet<>(ids).size());
        List<String> dates = new ArrayList<>();
        pages.forEach(p -> dates.addAll(strings(p.doc(), "//oai:header/oai:datestamp")));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(null);
        assertEquals(sorted, dates, "in datestamp order");
    }

    @Test
    void getRecordInAllThreeFormats() throws Exception {
        String path = "tei/1960-06-14_suzhou_ganbu_reference_example.xml";
        XdmNode tei = parse(out.resolve(path));
        String id = "oai:bitext:" + string(tei, "/tei:TEI/@xml:id");

        Response dc = get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id));
        assertValid(CrosswalkFixtures.oaiPmhSchema(), dc.body(), "GetRecord oai_dc");
        assertEquals(id, string(dc.doc(), "/oai:OAI-PMH/oai:request/@identifier"));
        assertEquals("oai_dc", string(dc.doc(), "/oai:OAI-PMH/oai:request/@metadataPrefix"));
        assertEquals(List.of("zh-Hans", "en"), strings(dc.doc(), "//oai_dc:dc/dc:title/@xml:lang"));
        assertEquals(List.of("year:1960", "page:2"), strings(dc.doc(), "//oai:header/oai:setSpec"));

        Response tr = get("verb=GetRecord&metadataPrefix=tei&identifier=" + enc(id));
        XdmNode embedded = (XdmNode) xpath(tr.doc(), "//oai:metadata/tei:TEI").itemAt(0);
        assertEquals(strings(tei, "//@xml:id"), strings(embedded, "descendant-or-self::*/@xml:id"),
                "every unit id is there");
        assertEquals(string(tei, "normalize-space(/tei:TEI)"), string(embedded, "normalize-space(.)"));
        assertEquals(string(tei, "string(/tei:TEI)"), string(embedded, "string(.)"), "the text unchanged");
        assertEquals(xpath(tei, "//tei:link").size(), xpath(embedded, ".//tei:link").size());

        Response mets = get("verb=GetRecord&metadataPrefix=mets&identifier=" + enc(id));
        assertValid(CrosswalkFixtures.oaiPmhSchema(), mets.body(), "GetRecord mets");
        assertEquals(List.of("TEI", "HTML", "TEXT", "SOURCE"), strings(mets.doc(), "//mets:fileGrp/@USE"));
        assertEquals(List.of(path), strings(mets.doc(), "//mets:fileGrp[@USE = 'TEI']//mets:FLocat/@xlink:href"));
    }

    @Test
    void fromUntilAndSetsSelect() throws Exception {
        // the datestamps are when the records last changed (all of them when the fixture ran): from and until
        // select by them, as days or to the second
        String earliest = string(get("verb=Identify").doc(), "//oai:earliestDatestamp");
        assertSelects("&from=" + earliest.substring(0, 10), (d, p) -> true);
        assertSelects("&from=" + earliest + "&until=2100-01-01T00:00:00Z", (d, p) -> true);
        assertSelects("&set=year:1967", (d, p) -> d.startsWith("1967"));
        assertSelects("&set=page:2", (d, p) -> p.equals("2"));
        assertSelects("&set=page:2&from=" + earliest, (d, p) -> p.equals("2"));
        assertSelects("&set=year", (d, p) -> true);
        assertSelects("&set=page", (d, p) -> true);
    }

    private static void assertSelects(String args, java.util.function.BiPredicate<String, String> expected)
            throws Exception {
        Set<String> want = new TreeSet<>();
        ARTICLES.forEach((id, f) -> {
            if (expected.test(f[0], f[1])) {
                want.add(id);
            }
        });
        assertFalse(want.isEmpty(), args);
        List<Response> pages = harvest("ListIdentifiers", "&metadataPrefix=oai_dc" + args, false);
        List<String> got = identifiers(pages);
        assertEquals(got.size(), new HashSet<>(got).size(), args);
        assertEquals(want, new TreeSet<>(got), args);
        String first = string(pages.get(0).doc(), "//oai:resumptionToken/@completeListSize");
        if (!first.isEmpty()) {
            assertEquals(want.size(), Integer.parseInt(first), args);
        }
    }

    @Test
    void listSetsIsPagedAndNamesEverySet() throws Exception {
        List<Response> pages = harvest("ListSets", "", false);
        List<String> specs = new ArrayList<>();
        for (Response p : pages) {
            assertValid(CrosswalkFixtures.oaiPmhSchema(), p.body(), "ListSets");
            specs.addAll(strings(p.doc(), "//oai:set/oai:setSpec"));
            assertTrue(xpath(p.doc(), "//oai:set[normalize-space(oai:setName) = '']").isEmpty());
        }
        assertTrue(pages.size() > 1, "paged at 5");
        assertEquals(List.of("year", "year:1946", "year:1950", "year:1960", "year:1967",
                "page", "page:1", "page:2", "page:4", "page:6", "page:12", "page:14"), specs);
        // every setSpec of every header is a listed set
        Set<String> inHeaders = new TreeSet<>(strings(harvest("ListIdentifiers", "&metadataPrefix=tei", false)
                .get(0).doc(), "//oai:setSpec"));
        assertTrue(specs.containsAll(inHeaders), inHeaders.toString());
    }

    @Test
    void listMetadataFormats() throws Exception {
        Response all = get("verb=ListMetadataFormats");
        assertValid(CrosswalkFixtures.oaiPmhSchema(), all.body(), "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "tei", "mets"), strings(all.doc(), "//oai:metadataPrefix"));
        assertEquals(List.of("http://www.openarchives.org/OAI/2.0/oai_dc/", "http://www.tei-c.org/ns/1.0",
                "http://www.loc.gov/METS/"), strings(all.doc(), "//oai:metadataNamespace"));
        String id = ARTICLES.keySet().iterator().next();
        Response one = get("verb=ListMetadataFormats&identifier=" + enc(id));
        assertEquals(List.of("oai_dc", "tei", "mets"), strings(one.doc(), "//oai:metadataPrefix"));
        assertEquals("idDoesNotExist", get("verb=ListMetadataFormats&identifier=oai:bitext:nope").error());
    }

    @Test
    void everyErrorCode() throws Exception {
        String id = enc(ARTICLES.keySet().iterator().next());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "badVerb");
        cases.put("verb=Frobnicate", "badVerb");
        cases.put("verb=identify", "badVerb");
        cases.put("verb=Identify&verb=Identify", "badVerb");
        cases.put("verb=Identify&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords", "badArgument");
        cases.put("verb=ListIdentifiers&set=year:1960", "badArgument");
        cases.put("verb=GetRecord&identifier=" + id, "badArgument");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=tei", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1960-13-01", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1960-02-30", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1960", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1960-06-01T00:00:00", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1960-06-01T00:00Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2100-01-01T00:00:00Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=1961-01-01&until=1960-01-01", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&set=not%20a%20spec", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        cases.put("verb=ListIdentifiers&metadataPrefix=OAI_DC", "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=marc21&identifier=" + id, "cannotDisseminateFormat");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:bitext:no-such-article", "idDoesNotExist");
        cases.put("verb=GetRecord&metadataPrefix=oai_dc&identifier=%E4%BA%BA%01", "idDoesNotExist");
        cases.put("verb=ListMetadataFormats&identifier=urn:x", "idDoesNotExist");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2100-01-01", "noRecordsMatch");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2100-01-01T00:00:00Z", "noRecordsMatch");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&until=1900-01-01", "noRecordsMatch");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=year:1999", "noRecordsMatch");
        cases.put("verb=ListIdentifiers&metadataPrefix=oai_dc&set=year:1960&until=1950-12-31", "noRecordsMatch");
        cases.put("verb=ListRecords&resumptionToken=garbage", "badResumptionToken");
        cases.put("verb=ListSets&resumptionToken=garbage", "badResumptionToken");
        cases.put("verb=ListIdentifiers&resumptionToken=" + enc(new ResumptionToken("ListIdentifiers", "oai_dc",
                null, null, null, null, null, 5, Instant.now().plusSeconds(3600)).encode()), "badResumptionToken");
        // expired
        cases.put("verb=ListIdentifiers&resumptionToken=" + enc(new ResumptionToken("ListIdentifiers", "oai_dc",
                null, null, null, Instant.EPOCH, "oai:bitext:x", 5, Instant.parse("2000-01-01T00:00:00Z")).encode()),
                "badResumptionToken");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Response r = get(c.getKey());
            assertEquals(c.getValue(), r.error(), c.getKey() + "\n" + new String(r.body(), StandardCharsets.UTF_8));
            assertValid(CrosswalkFixtures.oaiPmhSchema(), r.body(), c.getKey());
            assertFalse(string(r.doc(), "//oai:error").isBlank(), "a message says why");
            XdmNode request = (XdmNode) xpath(r.doc(), "/oai:OAI-PMH/oai:request").itemAt(0);
            if (c.getValue().equals("badVerb") || c.getValue().equals("badArgument")) {
                assertTrue(xpath(request, "@*").isEmpty(), "no echo of arguments after " + c.getValue());
            } else {
                assertFalse(string(request, "@verb").isEmpty(), "the arguments are echoed: " + c.getKey());
            }
        }
        // arguments that are not well-formed URL encoding (sent raw: java.net.URI refuses to make such a URL)
        for (Response r : List.of(post("verb=ListRecords&metadataPrefix=oai_dc&x=%zz"), post("verb=Identify&%"))) {
            assertEquals("badArgument", r.error());
            assertValid(CrosswalkFixtures.oaiPmhSchema(), r.body(), "malformed arguments");
        }
        // a token of one verb is refused by another
        Response page = get("verb=ListIdentifiers&metadataPrefix=oai_dc");
        String token = string(page.doc(), "//oai:resumptionToken");
        assertFalse(token.isEmpty());
        assertEquals("badResumptionToken", get("verb=ListRecords&resumptionToken=" + enc(token)).error());
        assertEquals("", get("verb=ListIdentifiers&resumptionToken=" + enc(token)).error(), "and works for its own");
        assertEquals("", get("verb=ListIdentifiers&resumptionToken=" + enc(token)).error(), "as often as asked");
    }

    @Test
    void httpDetails() throws Exception {
        HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/elsewhere"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, notFound.statusCode());
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(server.baseUrl())
                .PUT(HttpRequest.BodyPublishers.ofString("verb=Identify")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(server.baseUrl())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, json.statusCode());
        Response posted = post("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(ARTICLES.keySet().iterator()
                .next()));
        assertEquals("", posted.error());
        assertEquals(1, xpath(posted.doc(), "//oai:record").size());
    }

    @Test
    void sectionSetsAndAnEmptyRepository(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path withSection = dir.resolve("with-section");
        Files.createDirectories(withSection.resolve("tei/sub"));
        Path tei = withSection.resolve("tei/sub/reference.xml");
        Files.copy(Path.of("src/test/resources/valid/full-header.xml"), tei);
        try (org.bitext.catalog.Catalog c = org.bitext.catalog.Catalog.open(withSection)) {
            c.record(org.bitext.catalog.Records.of(parse(tei), "in/reference.txt", "in", "0".repeat(64),
                    List.of(new org.bitext.batch.Output("tei/sub/reference.xml", "1".repeat(64), Files.size(tei)))),
                    org.bitext.catalog.Catalog.now());
        }
        try (OaiServer s = OaiServer.start(withSection, OaiServer.Config.defaults(), line -> { })) {
            String spec = "section:" + org.bitext.export.oai.SetSpecs.encode("国内专页（经济）");
            assertTrue(org.bitext.export.oai.SetSpecs.isValid(spec), spec);
            assertEquals("国内专页（经济）", org.bitext.export.oai.SetSpecs.decode(spec.substring("section:".length())));
            var sets = s.repository().sets();
            assertTrue(sets.stream().anyMatch(x -> x.spec().equals(spec) && x.name().contains("国内专页（经济）")));
            var all = s.repository().page(null, null, null, null, null, 10);
            assertEquals(List.of("year:1960", "page:2", spec), all.get(0).sets());
            assertEquals(1, s.repository().page(null, null, spec, null, null, 10).size());
            assertEquals(1, s.repository().page(null, null, "section", null, null, 10).size());
            assertEquals("tei/sub/reference.xml", all.get(0).record().tei().orElseThrow());
            assertEquals(1, s.repository().files(all.get(0)).size());
        }
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty.resolve("tei"));
        org.bitext.catalog.Catalog.open(empty).close();
        try (OaiServer s = OaiServer.start(empty, OaiServer.Config.defaults(), line -> { })) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "?verb=ListSets"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            Response sets = response(r);
            assertEquals("noSetHierarchy", sets.error());
            assertValid(CrosswalkFixtures.oaiPmhSchema(), sets.body(), "noSetHierarchy");
            r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "?verb=ListRecords&metadataPrefix=tei"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("noRecordsMatch", response(r).error());
            r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "?verb=Identify")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertValid(CrosswalkFixtures.oaiPmhSchema(), r.body(), "Identify of an empty repository");
        }
        assertNotEquals(0, server.address().getPort());
    }
}
