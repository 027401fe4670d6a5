package org.bitext.export.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.bitext.export.Crosswalks;
import org.bitext.render.RenderException;
import org.bitext.xml.Xml;

/**
 * The OAI-PMH 2.0 data provider over a {@link Repository}, independent of HTTP: a request's arguments in, the
 * response document out. Thread-safe.
 *
 * <p>Verbs: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord. Metadata formats:
 * {@code oai_dc} (xslt/dc.xsl), {@code tei} (the whole TEI document), {@code mets} (xslt/mets.xsl, with the files
 * its outputs). Datestamps have second granularity ({@code YYYY-MM-DDThh:mm:ssZ}; {@code from} and {@code until}
 * may also be days); deleted records are kept ({@code deletedRecord} persistent) and sent as headers with
 * {@code status="deleted"}. Lists come in pages with stateless {@link ResumptionToken}s that expire after a day. Errors: badVerb, badArgument, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
 * badResumptionToken, noSetHierarchy (only for a repository without items, hence without sets). noMetadataFormats
 * never arises: every item is available in every format.
 */
public final class OaiProtocol {
    /** The OAI-PMH namespace. */
    public static final String NS = "http://www.openarchives.org/OAI/2.0/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA_LOCATION = NS + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    /** The metadata formats offered, by metadataPrefix. */
    public enum Format {
        OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
        TEI("tei", "https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd", "http://www.tei-c.org/ns/1.0"),
        METS("mets", "http://www.loc.gov/standards/mets/mets.xsd", "http://www.loc.gov/METS/");

        private final String prefix;
        private final String schema;
        private final String namespace;

        Format(String prefix, String schema, String namespace) {
            this.prefix = prefix;
            this.schema = schema;
            this.namespace = namespace;
        }

        public String prefix() {
            return prefix;
        }

        public String schema() {
            return schema;
        }

        public String namespace() {
            return namespace;
        }

        /** The format of a metadataPrefix. */
        public static Optional<Format> of(String prefix) {
            for (Format f : values()) {
                if (f.prefix.equals(prefix)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What the Identify response says, and the page size of lists.
     *
     * @param baseUrl        the base URL harvesters use
     * @param repositoryName the repositoryName
     * @param adminEmails    the adminEmail addresses (at least one)
     * @param pageSize       items (records, identifiers, sets) per response of a list
     */
    public record Settings(String baseUrl, String repositoryName, List<String> adminEmails, int pageSize) {
        public Settings {
            if (adminEmails.isEmpty()) {
                throw new IllegalArgumentException("Identify needs at least one adminEmail");
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("the page size must be at least 1");
            }
            adminEmails = List.copyOf(adminEmails);
        }
    }

    private static final List<String> VERBS = List.of("Identify", "ListMetadataFormats", "ListSets",
            "ListIdentifiers", "ListRecords", "GetRecord");
    /** The arguments each verb requires (besides a resumptionToken, which replaces them all). */
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "Identify", Set.of(), "ListMetadataFormats", Set.of(), "ListSets", Set.of(),
            "ListIdentifiers", Set.of("metadataPrefix"), "ListRecords", Set.of("metadataPrefix"),
            "GetRecord", Set.of("identifier", "metadataPrefix"));
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "Identify", Set.of(), "ListMetadataFormats", Set.of("identifier"), "ListSets", Set.of(),
            "ListIdentifiers", Set.of("from", "until", "set"), "ListRecords", Set.of("from", "until", "set"),
            "GetRecord", Set.of());
    private static final Set<String> RESUMABLE = Set.of("ListSets", "ListIdentifiers", "ListRecords");
    /** The order in which the request element echoes the arguments. */
    private static final List<String> ECHO = List.of("verb", "identifier", "metadataPrefix", "from", "until", "set",
            "resumptionToken");

    private final Repository repository;
    private final Crosswalks crosswalks;
    private final Settings settings;

    public OaiProtocol(Repository repository, Crosswalks crosswalks, Settings settings) {
        this.repository = repository;
        this.crosswalks = crosswalks;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** An OAI-PMH error, with its code and message. */
    private record OaiError(String code, String message) {
    }

    /** The response to a request whose arguments could not even be decoded: badArgument. */
    public byte[] malformed(String message) {
        return errors(Map.of(), List.of(new OaiError("badArgument", message)), Instant.now());
    }

    /** The response to a request, now. */
    public byte[] respond(List<Map.Entry<String, String>> args) throws RenderException, java.io.IOException {
        return respond(args, Instant.now());
    }

    /**
     * The response to a request.
     *
     * @param args the request's arguments in the order given, names and values decoded; a name may repeat
     * @param now  the responseDate
     */
    public byte[] respond(List<Map.Entry<String, String>> args, Instant now) throws RenderException,
            java.io.IOException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : args) {
            byName.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(a.getValue());
        }
        List<String> verbs = byName.getOrDefault("verb", List.of());
        if (verbs.isEmpty()) {
            return errors(Map.of(), List.of(new OaiError("badVerb", "the request has no verb; give one of "
                    + String.join(", ", VERBS))), now);
        }
        if (verbs.size() > 1) {
            return errors(Map.of(), List.of(new OaiError("badVerb", "the verb is given " + verbs.size()
                    + " times; give it once")), now);
        }
        String verb = verbs.get(0);
        if (!VERBS.contains(verb)) {
            return errors(Map.of(), List.of(new OaiError("badVerb", "\"" + verb + "\" is not an OAI-PMH verb; "
                    + "the verbs are " + String.join(", ", VERBS) + " (names are case-sensitive)")), now);
        }
        List<OaiError> bad = new ArrayList<>();
        Map<String, String> a = new LinkedHashMap<>();
        Set<String> required = REQUIRED.get(verb);
        Set<String> optional = OPTIONAL.get(verb);
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            String name = e.getKey();
            if (name.equals("verb")) {
                continue;
            }
            boolean known = required.contains(name) || optional.contains(name)
                    || name.equals("resumptionToken") && RESUMABLE.contains(verb);
            if (!known) {
                bad.add(new OaiError("badArgument", "\"" + name + "\" is not an argument of " + verb
                        + allowedArguments(verb)));
            } else if (e.getValue().size() > 1) {
                bad.add(new OaiError("badArgument", "the argument " + name + " is given " + e.getValue().size()
                        + " times; give it once"));
            } else if (e.getValue().get(0).isEmpty()) {
                bad.add(new OaiError("badArgument", "the argument " + name + " is empty"));
            } else {
                a.put(name, e.getValue().get(0));
            }
        }
        if (byName.containsKey("resumptionToken") && RESUMABLE.contains(verb)) {
            if (byName.size() > 2) {
                bad.add(new OaiError("badArgument", "resumptionToken is an exclusive argument: with it, give only "
                        + "the verb"));
            }
        } else {
            for (String r : required) {
                if (!byName.containsKey(r)) {
                    bad.add(new OaiError("badArgument", verb + " needs the argument " + r));
                }
            }
        }
        Instant from = datestamp(a.get("from"), "from", false, bad);
        Instant until = datestamp(a.get("until"), "until", true, bad);
        if (from != null && until != null && a.get("from").length() != a.get("until").length()) {
            bad.add(new OaiError("badArgument", "from and until have different granularities (" + a.get("from")
                    + ", " + a.get("until") + "); give both as days or both as YYYY-MM-DDThh:mm:ssZ"));
        } else if (from != null && until != null && from.isAfter(until)) {
            bad.add(new OaiError("badArgument", "from (" + a.get("from") + ") is after until (" + a.get("until")
                    + ")"));
        }
        String set = a.get("set");
        if (set != null && !SetSpecs.isValid(set)) {
            bad.add(new OaiError("badArgument", "\"" + set + "\" is not a setSpec (letters, digits, -_.!~*'() "
                    + "and colons between parts)"));
        }
        if (!bad.isEmpty()) {
            return errors(Map.of(), bad, now);
        }
        Map<String, String> echo = new LinkedHashMap<>();
        echo.put("verb", verb);
        for (String name : ECHO) {
            if (a.containsKey(name)) {
                echo.put(name, a.get(name));
            }
        }
        return switch (verb) {
            case "Identify" -> identify(echo, now);
            case "ListMetadataFormats" -> listMetadataFormats(echo, a.get("identifier"), now);
            case "ListSets" -> listSets(echo, a.get("resumptionToken"), now);
            case "GetRecord" -> getRecord(echo, a.get("identifier"), a.get("metadataPrefix"), now);
            default -> list(echo, verb, a.get("resumptionToken"), a.get("metadataPrefix"), from, until, set, now);
        };
    }

    private static String allowedArguments(String verb) {
        List<String> all = new ArrayList<>();
        REQUIRED.get(verb).stream().sorted().forEach(all::add);
        OPTIONAL.get(verb).stream().sorted().forEach(all::add);
        if (RESUMABLE.contains(verb)) {
            all.add("resumptionToken");
        }
        return all.isEmpty() ? " (it takes none)" : " (its arguments: " + String.join(", ", all) + ")";
    }

    /**
     * A from or until argument: YYYY-MM-DDThh:mm:ssZ (the repository's granularity) or YYYY-MM-DD (the whole day:
     * its first second for from, its last for until).
     */
    private static Instant datestamp(String value, String name, boolean until, List<OaiError> bad) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                Instant day = LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                return until ? day.plusSeconds(86_399) : day;
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        bad.add(new OaiError("badArgument", name + " \"" + value + "\" is not a datestamp YYYY-MM-DDThh:mm:ssZ "
                + "or a day YYYY-MM-DD"));
        return null;
    }

    // ------------------------------------------------------------------ verbs

    private byte[] identify(Map<String, String> echo, Instant now) throws java.io.IOException {
        XmlOut x = envelope(echo, now);
        x.start("Identify");
        x.element("repositoryName", settings.repositoryName());
        x.element("baseURL", settings.baseUrl());
        x.element("protocolVersion", "2.0");
        settings.adminEmails().forEach(m -> x.element("adminEmail", m));
        Instant earliest = repository.earliest();
        x.element("earliestDatestamp", earliest == null ? "1970-01-01T00:00:00Z" : earliest.toString());
        x.element("deletedRecord", "persistent");
        x.element("granularity", "YYYY-MM-DDThh:mm:ssZ");
        x.end("Identify");
        return close(x);
    }

    private byte[] listMetadataFormats(Map<String, String> echo, String identifier, Instant now)
            throws java.io.IOException {
        if (identifier != null && repository.item(identifier).isEmpty()) {
            return errors(echo, List.of(unknownId(identifier)), now);
        }
        XmlOut x = envelope(echo, now);
        x.start("ListMetadataFormats");
        for (Format f : Format.values()) {
            x.start("metadataFormat");
            x.element("metadataPrefix", f.prefix());
            x.element("schema", f.schema());
            x.element("metadataNamespace", f.namespace());
            x.end("metadataFormat");
        }
        x.end("ListMetadataFormats");
        return close(x);
    }

    private byte[] listSets(Map<String, String> echo, String token, Instant now) throws java.io.IOException {
        List<Repository.SetInfo> sets = repository.sets();
        int offset = 0;
        if (token != null) {
            Optional<ResumptionToken> t = ResumptionToken.decode(token)
                    .filter(r -> r.verb().equals("ListSets") && r.cursor() > 0 && r.cursor() < sets.size());
            if (t.isEmpty()) {
                return errors(echo, List.of(badToken()), now);
            }
            if (t.get().expires().isBefore(now)) {
                return errors(echo, List.of(expiredToken(t.get())), now);
            }
            offset = t.get().cursor();
        }
        if (sets.isEmpty()) {
            return errors(echo, List.of(new OaiError("noSetHierarchy", "this repository has no sets: it holds "
                    + "no items")), now);
        }
        int end = Math.min(sets.size(), offset + settings.pageSize());
        XmlOut x = envelope(echo, now);
        x.start("ListSets");
        for (Repository.SetInfo s : sets.subList(offset, end)) {
            x.start("set");
            x.element("setSpec", s.spec());
            x.element("setName", s.name());
            x.end("set");
        }
        resumption(x, offset, end < sets.size(), sets.size(),
                new ResumptionToken("ListSets", "", null, null, null, null, null, end, expiry(now)));
        x.end("ListSets");
        return close(x);
    }

    private byte[] getRecord(Map<String, String> echo, String identifier, String prefix, Instant now)
            throws RenderException, java.io.IOException {
        Optional<Repository.Item> item = repository.item(identifier);
        Optional<Format> format = Format.of(prefix);
        List<OaiError> errors = new ArrayList<>();
        if (item.isEmpty()) {
            errors.add(unknownId(identifier));
        }
        if (format.isEmpty()) {
            errors.add(unknownFormat(prefix));
        }
        if (!errors.isEmpty()) {
            return errors(echo, errors, now);
        }
        XmlOut x = envelope(echo, now);
        x.start("GetRecord");
        record(x, item.get(), format.get());
        x.end("GetRecord");
        return close(x);
    }

    private byte[] list(Map<String, String> echo, String verb, String token, String prefix, Instant from,
            Instant until, String set, Instant now) throws RenderException, java.io.IOException {
        Instant afterStamp = null;
        String afterId = null;
        int cursor = 0;
        if (token != null) {
            Optional<ResumptionToken> t = ResumptionToken.decode(token)
                    .filter(r -> r.verb().equals(verb) && Format.of(r.prefix()).isPresent() && r.afterStamp() != null
                            && r.afterId() != null && r.cursor() > 0);
            if (t.isEmpty()) {
                return errors(echo, List.of(badToken()), now);
            }
            if (t.get().expires().isBefore(now)) {
                return errors(echo, List.of(expiredToken(t.get())), now);
            }
            prefix = t.get().prefix();
            from = t.get().from();
            until = t.get().until();
            set = t.get().set();
            afterStamp = t.get().afterStamp();
            afterId = t.get().afterId();
            cursor = t.get().cursor();
        }
        Optional<Format> format = Format.of(prefix);
        if (format.isEmpty()) {
            return errors(echo, List.of(unknownFormat(prefix)), now);
        }
        List<Repository.Item> items = repository.page(from, until, set, afterStamp, afterId, settings.pageSize() + 1,
                !verb.equals("ListIdentifiers"));
        if (items.isEmpty()) {
            String why = token != null ? "no item is left in this list (the records after the last one sent have "
                    + "changed since and moved to its end, beyond until)"
                    : set != null && !repository.hasSet(set) ? "there is no set \"" + set + "\" (ListSets lists them)"
                    : "no item matches " + describe(from, until, set);
            return errors(echo, List.of(new OaiError("noRecordsMatch", why)), now);
        }
        boolean more = items.size() > settings.pageSize();
        List<Repository.Item> page = more ? items.subList(0, settings.pageSize()) : items;
        XmlOut x = envelope(echo, now);
        x.start(verb);
        for (Repository.Item item : page) {
            if (verb.equals("ListIdentifiers")) {
                header(x, item);
            } else {
                record(x, item, format.get());
            }
        }
        Repository.Item last = page.get(page.size() - 1);
        resumption(x, cursor, more, -1, new ResumptionToken(verb, prefix, from, until, set, last.datestamp(),
                last.identifier(), cursor + page.size(), expiry(now)));
        x.end(verb);
        return close(x);
    }

    /** When a token given out now expires. */
    private static Instant expiry(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plus(TOKEN_LIFE);
    }

    /** How long a resumption token is honoured. */
    static final java.time.Duration TOKEN_LIFE = java.time.Duration.ofHours(24);

    private static String describe(Instant from, Instant until, String set) {
        List<String> parts = new ArrayList<>();
        if (from != null) {
            parts.add("from " + from);
        }
        if (until != null) {
            parts.add("until " + until);
        }
        if (set != null) {
            parts.add("in set " + set);
        }
        return parts.isEmpty() ? "(the repository is empty)" : String.join(", ", parts);
    }

    // ------------------------------------------------------------------ parts

    /**
     * The resumptionToken of a page that starts at {@code cursor}: none when the whole list fits in one response;
     * the next token with its expirationDate when more follow; an empty one on the last page of a longer list.
     * completeListSize only where it is known without counting ({@code size} ≥ 0: the sets).
     */
    private static void resumption(XmlOut x, int cursor, boolean more, int size, ResumptionToken next) {
        if (cursor == 0 && !more) {
            return;
        }
        List<String> attrs = new ArrayList<>();
        if (more) {
            attrs.add("expirationDate");
            attrs.add(next.expires().toString());
        }
        if (size >= 0) {
            attrs.add("completeListSize");
            attrs.add(Integer.toString(size));
        }
        attrs.add("cursor");
        attrs.add(Integer.toString(cursor));
        if (more) {
            x.element("resumptionToken", next.encode(), attrs.toArray(String[]::new));
        } else {
            x.empty("resumptionToken", attrs.toArray(String[]::new));
        }
    }

    private static void header(XmlOut x, Repository.Item item) {
        if (item.deleted()) {
            x.start("header", "status", "deleted");
        } else {
            x.start("header");
        }
        x.element("identifier", item.identifier());
        x.element("datestamp", item.datestamp().toString());
        item.sets().forEach(s -> x.element("setSpec", s));
        x.end("header");
    }

    private void record(XmlOut x, Repository.Item item, Format format) throws RenderException, java.io.IOException {
        x.start("record");
        header(x, item);
        if (item.deleted()) {
            x.end("record"); // a deleted record has a header only
            return;
        }
        x.start("metadata");
        x.raw(metadata(item, format));
        x.end("metadata");
        x.end("record");
    }

    /** The metadata of an item in a format, as serialized XML without XML declaration. */
    public String metadata(Repository.Item item, Format format) throws RenderException, java.io.IOException {
        XdmNode tei = repository.tei(item);
        return switch (format) {
            case OAI_DC -> withoutDeclaration(crosswalks.dc(tei));
            case METS -> withoutDeclaration(crosswalks.mets(tei, repository.files(item)));
            case TEI -> teiRoot(tei);
        };
    }

    private static String withoutDeclaration(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2);
        }
        return s.strip();
    }

    /** The TEI root element, serialized as it is (no indentation added: TEI text is mixed content). */
    private static String teiRoot(XdmNode doc) throws RenderException {
        XdmNode root = doc;
        if (doc.getNodeKind() == XdmNodeKind.DOCUMENT) {
            for (XdmNode child : doc.children()) {
                if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                    root = child;
                    break;
                }
            }
        }
        Serializer s = Xml.processor().newSerializer();
        s.setOutputProperty(Serializer.Property.METHOD, "xml");
        s.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
        s.setOutputProperty(Serializer.Property.INDENT, "no");
        s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        try {
            return s.serializeNodeToString(root);
        } catch (SaxonApiException e) {
            throw new RenderException("the TEI cannot be serialized: " + e.getMessage(), e);
        }
    }

    private XmlOut envelope(Map<String, String> echo, Instant now) {
        XmlOut x = new XmlOut();
        x.start("OAI-PMH", "xmlns", NS, "xmlns:xsi", XSI, "xsi:schemaLocation", SCHEMA_LOCATION);
        x.element("responseDate", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        List<String> attrs = new ArrayList<>();
        echo.forEach((k, v) -> {
            attrs.add(k);
            attrs.add(v);
        });
        x.element("request", settings.baseUrl(), attrs.toArray(String[]::new));
        return x;
    }

    private static byte[] close(XmlOut x) {
        x.end("OAI-PMH");
        return x.bytes();
    }

    /** An error response; badVerb and badArgument echo no arguments (an empty {@code echo}). */
    private byte[] errors(Map<String, String> echo, List<OaiError> errors, Instant now) {
        XmlOut x = envelope(echo, now);
        for (OaiError e : errors) {
            x.element("error", e.message(), "code", e.code());
        }
        return close(x);
    }

    private static OaiError unknownId(String identifier) {
        return new OaiError("idDoesNotExist", "no item has the identifier \"" + identifier + "\" (identifiers are "
                + Repository.ID_PREFIX + "ID, ID the TEI's xml:id)");
    }

    private static OaiError unknownFormat(String prefix) {
        List<String> all = new ArrayList<>();
        for (Format f : Format.values()) {
            all.add(f.prefix());
        }
        return new OaiError("cannotDisseminateFormat", "\"" + prefix + "\" is not a metadataPrefix of this "
                + "repository; its formats are " + String.join(", ", all));
    }

    private static OaiError expiredToken(ResumptionToken t) {
        return new OaiError("badResumptionToken", "the resumptionToken expired at " + t.expires() + "; start the "
                + "list again without it (from the last datestamp harvested, to miss nothing)");
    }

    private static OaiError badToken() {
        return new OaiError("badResumptionToken", "the resumptionToken is not one this server gave out for this "
                + "request; start the list again without it");
    }
}
