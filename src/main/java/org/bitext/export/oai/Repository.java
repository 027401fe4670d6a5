package org.bitext.export.oai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Hashes;
import org.bitext.export.Crosswalks;
import org.bitext.export.Crosswalks.FileEntry;
import org.bitext.xml.Xml;

/**
 * The articles an OAI-PMH server offers: every TEI document of a converted folder ({@code OUT/tei/**}{@code /*.xml}),
 * parsed once at start and held in memory, with the files {@code OUT/report.json} lists for it.
 *
 * <p>An item's identifier is {@code oai:bitext:} + the TEI's {@code xml:id}; its datestamp is the article's
 * publication date ({@code sourceDesc/bibl/date/@when}), so that {@code from}/{@code until} select by publication
 * date; its sets are {@code year:YYYY}, {@code page:N} and, where the TEI names one, {@code section:NAME} (encoded by
 * {@link SetSpecs}). Items are in the order of datestamp, then identifier, which is the order of every list.
 */
public final class Repository {
    /** The prefix of every item identifier. */
    public static final String ID_PREFIX = "oai:bitext:";

    /**
     * One article.
     *
     * @param identifier its OAI identifier, {@code oai:bitext:ID}
     * @param datestamp  its publication date
     * @param sets       the setSpecs of the sets it belongs to (leaves only: year:…, page:…, section:…)
     * @param path       its TEI file, relative to the folder, with {@code /}
     * @param tei        the parsed TEI document
     * @param files      its files from the folder's report.json (empty when the report does not list it)
     */
    public record Item(String identifier, LocalDate datestamp, List<String> sets, String path, XdmNode tei,
            List<FileEntry> files) {
    }

    /**
     * A set.
     *
     * @param spec its setSpec
     * @param name its setName
     */
    public record SetInfo(String spec, String name) {
    }

    private final List<Item> items;
    private final Map<String, Item> byIdentifier = new HashMap<>();
    private final List<SetInfo> sets;
    private final String fingerprint;

    private Repository(List<Item> items, List<SetInfo> sets) {
        this.items = List.copyOf(items);
        this.sets = List.copyOf(sets);
        StringBuilder all = new StringBuilder();
        for (Item i : this.items) {
            byIdentifier.put(i.identifier(), i);
            all.append(i.identifier()).append(' ').append(i.datestamp()).append(' ').append(i.sets()).append('\n');
        }
        fingerprint = Hashes.sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * Loads the TEI documents of a converted folder. A file that cannot be parsed, is not TEI, has no
     * {@code xml:id}, no full publication date, or an id already taken is left out, with a warning.
     *
     * @param folder   the output folder of {@code bitext run} (holding {@code tei/} and {@code report.json})
     * @param warnings receives one line per file left out
     * @throws IOException when the folder or its {@code tei/} folder cannot be read
     */
    public static Repository load(Path folder, Consumer<String> warnings) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        Path teiDir = folder.resolve("tei");
        if (!Files.isDirectory(teiDir)) {
            throw new IOException("no tei/ folder in " + folder + " (is it the output folder of `bitext run`?)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(teiDir)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xml"))
                    .sorted().toList();
        }
        Map<String, List<FileEntry>> report = Crosswalks.reportFiles(folder);
        Fields fields = new Fields();
        List<Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, String> sectionNames = new TreeMap<>();
        Map<Integer, String> years = new TreeMap<>();
        Map<String, String> pages = new TreeMap<>(Comparator.comparing((String p) -> p.matches("\\d{1,9}") ? 0 : 1)
                .thenComparing(p -> p.matches("\\d{1,9}") ? Integer.parseInt(p) : 0)
                .thenComparing(Comparator.naturalOrder()));
        for (Path file : files) {
            String rel = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String where = file.toString();
            XdmNode doc;
            try {
                doc = Xml.parse(file);
            } catch (SaxonApiException e) {
                warnings.accept(Xml.describe(e).at(where, "warning: not served"));
                continue;
            }
            Optional<String> problem = Optional.empty();
            String id = fields.string(fields.id, doc);
            String when = fields.string(fields.date, doc);
            LocalDate date = null;
            if (!fields.isTei(doc)) {
                problem = Optional.of("not a TEI document (root element TEI in the TEI namespace)");
            } else if (id.isEmpty()) {
                problem = Optional.of("the TEI has no xml:id, which the OAI identifier is made of");
            } else if (seen.containsKey(id)) {
                problem = Optional.of("xml:id \"" + id + "\" is already the id of " + seen.get(id));
            } else {
                try {
                    if (!when.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        throw new DateTimeParseException("not YYYY-MM-DD", when, 0);
                    }
                    date = LocalDate.parse(when);
                } catch (DateTimeParseException e) {
                    problem = Optional.of("no publication date YYYY-MM-DD in sourceDesc/bibl/date/@when (found \""
                            + when + "\"), which is the record's datestamp");
                }
            }
            if (problem.isPresent()) {
                warnings.accept(where + ": warning: not served: " + problem.get());
                continue;
            }
            seen.put(id, where);
            List<String> specs = new ArrayList<>();
            specs.add("year:" + date.getYear());
            years.put(date.getYear(), "year:" + date.getYear());
            String page = fields.string(fields.page, doc);
            if (!page.isEmpty()) {
                specs.add("page:" + SetSpecs.encode(page));
                pages.put(page, "page:" + SetSpecs.encode(page));
            }
            String section = fields.string(fields.section, doc);
            if (!section.isEmpty()) {
                specs.add("section:" + SetSpecs.encode(section));
                sectionNames.put("section:" + SetSpecs.encode(section), section);
            }
            items.add(new Item(ID_PREFIX + id, date, List.copyOf(specs), rel, doc,
                    report.getOrDefault(rel, List.of())));
        }
        items.sort(Comparator.comparing(Item::datestamp).thenComparing(Item::identifier));
        List<SetInfo> sets = new ArrayList<>();
        if (!years.isEmpty()) {
            sets.add(new SetInfo("year", "By year of publication"));
            years.forEach((y, spec) -> sets.add(new SetInfo(spec, "Published in " + y)));
        }
        if (!pages.isEmpty()) {
            sets.add(new SetInfo("page", "By page of the newspaper"));
            pages.forEach((p, spec) -> sets.add(new SetInfo(spec, "Page " + p + " / 第" + p + "版")));
        }
        if (!sectionNames.isEmpty()) {
            sets.add(new SetInfo("section", "By section of the newspaper"));
            sectionNames.forEach((spec, name) -> sets.add(new SetInfo(spec, "Section: " + name)));
        }
        return new Repository(items, sets);
    }

    /** Every item, in datestamp then identifier order. */
    public List<Item> items() {
        return items;
    }

    /** The item with this OAI identifier. */
    public Optional<Item> item(String identifier) {
        return Optional.ofNullable(byIdentifier.get(identifier));
    }

    /** Every set, parents ({@code year}, {@code page}, {@code section}) before their members. */
    public List<SetInfo> sets() {
        return sets;
    }

    /** True when the set exists. */
    public boolean hasSet(String spec) {
        return sets.stream().anyMatch(s -> s.spec().equals(spec));
    }

    /**
     * The items whose datestamp is within the bounds and that belong to the set (or to one of its subsets),
     * in list order.
     *
     * @param from  the first datestamp, or null
     * @param until the last datestamp, or null
     * @param set   a setSpec, or null
     */
    public List<Item> select(LocalDate from, LocalDate until, String set) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (from != null && i.datestamp().isBefore(from) || until != null && i.datestamp().isAfter(until)) {
                continue;
            }
            if (set != null && i.sets().stream().noneMatch(s -> s.equals(set) || s.startsWith(set + ":"))) {
                continue;
            }
            out.add(i);
        }
        return Collections.unmodifiableList(out);
    }

    /** The earliest datestamp, or null when there are no items. */
    public LocalDate earliest() {
        return items.isEmpty() ? null : items.get(0).datestamp();
    }

    /** A digest of the items, their datestamps and sets: what a resumption token must have been made over. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The XPath expressions that read an item's fields (compiled once per load). */
    private static final class Fields {
        final XPathExecutable root;
        final XPathExecutable id;
        final XPathExecutable date;
        final XPathExecutable page;
        final XPathExecutable section;

        Fields() {
            XPathCompiler c = Xml.processor().newXPathCompiler();
            c.declareNamespace("", "http://www.tei-c.org/ns/1.0");
            try {
                root = c.compile("exists(/TEI)");
                id = c.compile("normalize-space(/TEI/@xml:id)");
                date = c.compile("normalize-space((/TEI/teiHeader/fileDesc/sourceDesc/bibl/date/@when)[1])");
                page = c.compile("normalize-space((/TEI/teiHeader/fileDesc/sourceDesc/bibl/biblScope[@unit = 'page']"
                        + "/@n)[1])");
                section = c.compile("let $s := /TEI/teiHeader/fileDesc/sourceDesc/bibl/note[@type = 'section'] "
                        + "return normalize-space(($s[lang('zh')], $s)[1])");
            } catch (SaxonApiException e) {
                throw new IllegalStateException("an XPath of the OAI repository does not compile", e);
            }
        }

        boolean isTei(XdmNode doc) {
            return string(root, doc).equals("true");
        }

        String string(XPathExecutable x, XdmNode doc) {
            try {
                var sel = x.load();
                sel.setContextItem(doc);
                XdmItem item = sel.evaluateSingle();
                return item == null ? "" : item.getStringValue();
            } catch (SaxonApiException e) {
                return "";
            }
        }
    }
}
