package org.bitext.export.oai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Output;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Record;
import org.bitext.export.Crosswalks.FileEntry;
import org.bitext.xml.Xml;

/**
 * The articles an OAI-PMH server offers: the records of a converted folder's catalog ({@code OUT/catalog.sqlite}),
 * read on demand (nothing is held in memory but the page being answered), their TEI read from the folder when a
 * record's metadata is asked for.
 *
 * <p>An item's identifier is {@code oai:bitext:} + the TEI's {@code xml:id}; its datestamp is the catalog's: when
 * its content last changed (to the second), so that {@code from} = the last harvest finds what changed since,
 * whatever the publication dates; an input removed from the folder is a deleted item. Its sets are
 * {@code year:YYYY}, {@code page:N} and, where the TEI names one, {@code section:NAME} (encoded by {@link SetSpecs}).
 * Lists are in the order of datestamp, then identifier.
 */
public final class Repository implements AutoCloseable {
    /** The prefix of every item identifier. */
    public static final String ID_PREFIX = "oai:bitext:";

    /**
     * One article.
     *
     * @param identifier its OAI identifier, {@code oai:bitext:ID}
     * @param datestamp  when its record last changed
     * @param deleted    whether its input has gone
     * @param sets       the setSpecs of the sets it belongs to (leaves only: year:…, page:…, section:…)
     * @param record     its catalog record
     */
    public record Item(String identifier, Instant datestamp, boolean deleted, List<String> sets, Record record) {
    }

    /**
     * A set.
     *
     * @param spec its setSpec
     * @param name its setName
     */
    public record SetInfo(String spec, String name) {
    }

    private final Path folder;
    private final Catalog catalog;

    private Repository(Path folder, Catalog catalog) {
        this.folder = folder.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    /**
     * Opens the catalog of a converted folder.
     *
     * @throws IOException when the folder has no catalog, or it cannot be read (the message says what to do)
     */
    public static Repository open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        try {
            return new Repository(folder, Catalog.openExisting(folder));
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The item with this OAI identifier. */
    public Optional<Item> item(String identifier) throws IOException {
        if (identifier == null || !identifier.startsWith(ID_PREFIX)) {
            return Optional.empty();
        }
        try {
            return catalog.get(identifier.substring(ID_PREFIX.length())).map(Repository::item);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} items of a list, in datestamp then identifier order.
     *
     * @param from       the first datestamp, or null
     * @param until      the last datestamp, or null
     * @param set        a setSpec, or null
     * @param afterStamp with {@code afterId}: the last item of the previous page, or null
     */
    public List<Item> page(Instant from, Instant until, String set, Instant afterStamp, String afterId, int limit)
            throws IOException {
        return page(from, until, set, afterStamp, afterId, limit, true);
    }

    /** As {@link #page(Instant, Instant, String, Instant, String, int)}; {@code files}: with each item's outputs. */
    public List<Item> page(Instant from, Instant until, String set, Instant afterStamp, String afterId, int limit,
                           boolean files) throws IOException {
        String column = null;
        String value = null;
        if (set != null) {
            int colon = set.indexOf(':');
            column = colon < 0 ? set : set.substring(0, colon);
            value = colon < 0 ? null : SetSpecs.decode(set.substring(colon + 1));
            if (!List.of("year", "page", "section").contains(column)) {
                return List.of();
            }
        }
        try {
            List<Item> out = new ArrayList<>();
            for (Record r : catalog.list(new Catalog.Query(from, until, column, value, afterStamp,
                    afterId == null ? null : afterId.substring(ID_PREFIX.length())), limit, files)) {
                out.add(item(r));
            }
            return out;
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Item item(Record r) {
        List<String> specs = new ArrayList<>();
        if (r.date().length() >= 4) {
            specs.add("year:" + r.date().substring(0, 4));
        }
        if (!r.page().isEmpty()) {
            specs.add("page:" + SetSpecs.encode(r.page()));
        }
        if (!r.section().isEmpty()) {
            specs.add("section:" + SetSpecs.encode(r.section()));
        }
        return new Item(ID_PREFIX + r.id(), r.datestamp(), r.deleted(), List.copyOf(specs), r);
    }

    /** Every set, parents ({@code year}, {@code page}, {@code section}) before their members. */
    public List<SetInfo> sets() throws IOException {
        try {
            List<SetInfo> sets = new ArrayList<>();
            List<String> years = catalog.values("year");
            if (!years.isEmpty()) {
                sets.add(new SetInfo("year", "By year of publication"));
                years.forEach(y -> sets.add(new SetInfo("year:" + y, "Published in " + y)));
            }
            List<String> pages = catalog.values("page");
            if (!pages.isEmpty()) {
                sets.add(new SetInfo("page", "By page of the newspaper"));
                pages.forEach(p -> sets.add(new SetInfo("page:" + SetSpecs.encode(p), "Page " + p + " / 第" + p + "版")));
            }
            List<String> sections = catalog.values("section");
            if (!sections.isEmpty()) {
                sets.add(new SetInfo("section", "By section of the newspaper"));
                sections.forEach(s -> sets.add(new SetInfo("section:" + SetSpecs.encode(s), "Section: " + s)));
            }
            return sets;
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** True when the set exists. */
    public boolean hasSet(String spec) throws IOException {
        return sets().stream().anyMatch(s -> s.spec().equals(spec));
    }

    /** The earliest datestamp, or null when there are no items. */
    public Instant earliest() throws IOException {
        try {
            return catalog.earliest().orElse(null);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The number of items, deleted ones included. */
    public long size() throws IOException {
        try {
            return catalog.size();
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The item's TEI document, read from the folder (never from outside it). */
    public XdmNode tei(Item item) throws IOException {
        String rel = item.record().tei().orElseThrow(() -> new IOException(item.identifier() + " has no TEI file"));
        Path file = folder.resolve(rel).normalize();
        if (!file.startsWith(folder)) {
            throw new IOException(item.identifier() + ": its TEI path leads outside the folder");
        }
        try {
            return Xml.parse(file);
        } catch (SaxonApiException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The item's files, for METS. */
    public List<FileEntry> files(Item item) {
        List<FileEntry> out = new ArrayList<>();
        for (Output o : item.record().outputs()) {
            out.add(FileEntry.of(o));
        }
        return out;
    }

    /** The folder served. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
