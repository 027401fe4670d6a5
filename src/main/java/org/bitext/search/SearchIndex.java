package org.bitext.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Record;
import org.bitext.export.parallel.AlignedText;
import org.bitext.xml.Xml;

/**
 * The search index of an output folder, {@code OUT/search/} (Apache Lucene): one document per sentence of every
 * article the catalog holds (article, sentence id, language, text, the aligned counterparts' ids and texts, date,
 * year, page, section, column, titles in both languages and the reading view's path), and one small document per
 * article with its fingerprint, so that an article whose TEI and catalog metadata have not changed is not indexed
 * again.
 *
 * <p>{@link #updateFrom(Path)} brings the index up to date with the catalog (what {@code bitext index OUT} does):
 * articles added or changed since are (re)indexed, articles deleted from the catalog (or gone from it) are removed,
 * the others are left alone; one commit at the end (and every {@value #COMMIT_EVERY} articles), so that readers
 * ({@link Searcher}, {@code serve}) see the index before or after an update, never half of an article. One writer per
 * folder at a time: a second one gets a one-line {@link IOException} saying so.
 */
public final class SearchIndex implements AutoCloseable {
    /** The index folder's name inside the output folder. */
    public static final String FOLDER = "search";
    /** Changes when the documents are made differently: every article is then indexed again. */
    static final String FORMAT = "2";
    static final int COMMIT_EVERY = 10_000;

    // fields of a sentence document
    static final String TYPE = "type";
    static final String ARTICLE = "article";
    static final String SID = "sid";
    static final String LANG = "lang";
    /** The Chinese sentence's text (CJK bigrams). */
    public static final String ZH = "zh";
    /** The English sentence's text (stemmed). */
    public static final String EN = "en";
    static final String CP_ID = "cp_id";
    static final String CP_TEXT = "cp_text";
    /**
     * The English counterparts' text of a Chinese sentence (stemmed, not stored): a query with words of both languages
     * finds the Chinese sentences that hold its Chinese words and whose translation holds its English ones.
     */
    public static final String CP_EN = "cp_en";
    static final String DATE = "date";
    static final String DAY = "day";
    static final String YEAR = "year";
    static final String PAGE = "page";
    static final String SECTION = "section";
    static final String COLUMN = "column";
    static final String TITLE_ZH = "title_zh";
    static final String TITLE_EN = "title_en";
    static final String HREF = "href";
    // the article document
    static final String FINGERPRINT = "fingerprint";
    static final String SENTENCE_TYPE = "s";
    static final String ARTICLE_TYPE = "article";

    /** The facet dimensions. */
    static final FacetsConfig FACETS = new FacetsConfig();

    private static final XPathExecutable COLUMN_PATH;

    static {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        try {
            COLUMN_PATH = xp.compile("string((/TEI/teiHeader/fileDesc/sourceDesc/bibl/note[@type = 'column'])[1])");
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One article as the index holds it.
     *
     * @param id          the TEI {@code xml:id}
     * @param date        publication date {@code YYYY-MM-DD}
     * @param page        page, empty when unknown
     * @param section     the page's section, empty when none
     * @param column      the column, empty when none
     * @param titleZh     Chinese title
     * @param titleEn     English title
     * @param href        the reading view's path relative to {@code OUT/html/}, with {@code /}; empty when none
     * @param fingerprint what the article is indexed from (TEI and metadata): unchanged, nothing to do
     * @param sentences   its sentences with their counterparts
     */
    public record Article(String id, String date, String page, String section, String column, String titleZh,
                          String titleEn, String href, String fingerprint, List<AlignedText.Sentence> sentences) {
        public Article {
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * What an update did.
     *
     * @param added     articles indexed that the index did not hold
     * @param changed   articles indexed again (TEI or metadata changed)
     * @param deleted   articles removed (deleted from the catalog or gone from it)
     * @param unchanged articles left as they were
     * @param failed    articles whose TEI could not be read (left as they were; tried again next time)
     * @param sentences sentence documents written by this update
     */
    public record Counts(int added, int changed, int deleted, int unchanged, int failed, long sentences) {
    }

    private final Path folder;
    private final Directory dir;
    private final IndexWriter writer;

    private SearchIndex(Path folder, Directory dir, IndexWriter writer) {
        this.folder = folder;
        this.dir = dir;
        this.writer = writer;
    }

    /** The index folder of an output folder. */
    public static Path folderOf(Path out) {
        return out.resolve(FOLDER);
    }

    /**
     * Opens (or creates) the index of an output folder for writing.
     *
     * @throws IOException when it cannot be created, is damaged, or another process is writing it
     */
    public static SearchIndex open(Path out) throws IOException {
        Path folder = folderOf(out);
        Files.createDirectories(folder);
        // read and written through file channels, not memory maps: the files of a large index never count in the
        // memory of the run that updates it (serve's searcher maps them, for speed)
        Directory dir = new org.apache.lucene.store.NIOFSDirectory(folder);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        config.setCommitOnClose(false);
        try {
            return new SearchIndex(folder, dir, new IndexWriter(dir, config));
        } catch (LockObtainFailedException e) {
            dir.close();
            throw new IOException(folder + ": another bitext is updating this search index (its write.lock is "
                    + "held); wait for it to finish", e);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw new IOException(folder + ": the search index cannot be opened (" + e.getMessage() + "). Remove "
                    + "the folder and run `bitext index " + out + "` to build it again.", e);
        }
    }

    /** The fingerprint an article was indexed with, as a reader of the index sees it; null when not indexed. */
    static String fingerprint(IndexSearcher searcher, String id) throws IOException {
        TopDocs hit = searcher.search(articleMarker(id), 1);
        if (hit.scoreDocs.length == 0) {
            return null;
        }
        return searcher.storedFields().document(hit.scoreDocs[0].doc, Set.of(FINGERPRINT)).get(FINGERPRINT);
    }

    private static org.apache.lucene.search.Query articleMarker(String id) {
        return new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, ARTICLE_TYPE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ARTICLE, id)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build();
    }

    /** Calls {@code each} with the id of every article indexed, one at a time (nothing is collected in memory). */
    static void forEachArticle(IndexSearcher searcher, Consumer<String> each) throws IOException {
        searcher.search(new TermQuery(new Term(TYPE, ARTICLE_TYPE)), new org.apache.lucene.search.SimpleCollector() {
            private StoredFields stored;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws IOException {
                stored = context.reader().storedFields();
            }

            @Override
            public void collect(int doc) throws IOException {
                each.accept(stored.document(doc, Set.of(ARTICLE)).get(ARTICLE));
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
    }

    /** Indexes an article, replacing what the index held of it. */
    public void update(Article a) throws IOException {
        writer.updateDocuments(new Term(ARTICLE, a.id()), documents(a));
    }

    /** Removes an article. */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(ARTICLE, id));
    }

    /** Makes the changes so far visible to readers, durably. */
    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of("bitext.search.format", FORMAT, "bitext.search.updated",
                Instant.now().toString()).entrySet());
        writer.commit();
    }

    /** Closes without committing what was not committed. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            dir.close();
        }
    }

    private static List<Document> documents(Article a) throws IOException {
        Map<String, String> text = new HashMap<>();
        for (AlignedText.Sentence s : a.sentences()) {
            text.put(s.id(), s.text());
        }
        List<Document> docs = new ArrayList<>(a.sentences().size() + 1);
        int day = day(a.date());
        String year = a.date().length() >= 4 ? a.date().substring(0, 4) : "";
        for (AlignedText.Sentence s : a.sentences()) {
            if (s.text().isEmpty()) {
                continue;
            }
            Document d = new Document();
            d.add(new StringField(TYPE, SENTENCE_TYPE, Field.Store.NO));
            d.add(new StringField(ARTICLE, a.id(), Field.Store.YES));
            d.add(new StoredField(SID, s.id()));
            d.add(new StringField(LANG, s.lang(), Field.Store.YES));
            d.add(new TextField(s.lang().equals("zh") ? ZH : EN, s.text(), Field.Store.YES));
            StringBuilder counterparts = new StringBuilder();
            for (String c : s.counterparts()) {
                d.add(new StoredField(CP_ID, c));
                d.add(new StoredField(CP_TEXT, text.getOrDefault(c, "")));
                counterparts.append(counterparts.isEmpty() ? "" : "\n").append(text.getOrDefault(c, ""));
            }
            if (s.lang().equals("zh") && !counterparts.isEmpty()) {
                d.add(new TextField(CP_EN, counterparts.toString(), Field.Store.NO));
            }
            d.add(new StoredField(DATE, a.date()));
            if (day > 0) {
                d.add(new IntPoint(DAY, day));
            }
            if (!year.isEmpty()) {
                d.add(new SortedSetDocValuesFacetField(YEAR, year));
            }
            if (!a.page().isEmpty()) {
                d.add(new SortedSetDocValuesFacetField(PAGE, a.page()));
            }
            if (!a.section().isEmpty()) {
                d.add(new SortedSetDocValuesFacetField(SECTION, a.section()));
            }
            d.add(new StoredField(PAGE, a.page()));
            d.add(new StoredField(SECTION, a.section()));
            d.add(new StoredField(COLUMN, a.column()));
            d.add(new StoredField(TITLE_ZH, a.titleZh()));
            d.add(new StoredField(TITLE_EN, a.titleEn()));
            d.add(new StoredField(HREF, a.href()));
            docs.add(FACETS.build(d));
        }
        Document marker = new Document();
        marker.add(new StringField(TYPE, ARTICLE_TYPE, Field.Store.NO));
        marker.add(new StringField(ARTICLE, a.id(), Field.Store.YES));
        marker.add(new StoredField(FINGERPRINT, a.fingerprint()));
        docs.add(marker);
        return docs;
    }

    /** {@code YYYY-MM-DD} as the number YYYYMMDD, 0 when it is not a date. */
    static int day(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return 0;
        }
        return Integer.parseInt(date.replace("-", ""));
    }

    // ------------------------------------------------------------------------------------------ from the catalog

    /**
     * Brings {@code OUT/search/} up to date with {@code OUT/catalog.sqlite} (what {@code bitext index OUT} does, and
     * what {@code run} calls after its batch): added and changed articles indexed, deleted ones removed, unchanged
     * ones left alone. Uses every core.
     *
     * @throws CatalogException when the folder has no catalog, or it cannot be read
     * @throws IOException      when the index cannot be written (or another process is writing it)
     */
    public static Counts updateFrom(Path out) throws IOException, CatalogException {
        return updateFrom(out, Runtime.getRuntime().availableProcessors(), line -> { });
    }

    /**
     * As {@link #updateFrom(Path)}, with {@code threads} workers reading TEI, and a line to {@code problems} for each
     * article that could not be indexed ({@code PATH: error: …}).
     */
    public static Counts updateFrom(Path out, int threads, Consumer<String> problems)
            throws IOException, CatalogException {
        try (SearchIndex index = open(out)) {
            return index.update(out, threads, problems);
        }
    }

    /**
     * As {@link #updateFrom(Path, int, Consumer)}, through this open index: what was {@link #update(Article) updated}
     * through it before is seen, and left alone when its fingerprint is the catalog's. {@code run} indexes each
     * article its workers convert, from the tree they have, and then calls this.
     */
    public Counts update(Path out, int threads, Consumer<String> problems) throws IOException, CatalogException {
        Path root = out.toAbsolutePath().normalize();
        try (Catalog catalog = Catalog.openExisting(out); DirectoryReader before = DirectoryReader.open(writer)) {
            // what was indexed before this update, asked article by article: memory does not grow with the archive
            IndexSearcher indexed = new IndexSearcher(before);
            int deleted = 0;
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            int failed = 0;
            long sentences = 0;
            int sinceCommit = 0;
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "bitext-index");
                t.setDaemon(true);
                return t;
            });
            try {
                Catalog.Query page = new Catalog.Query(null, null, null, null, null, null);
                while (true) {
                    List<Record> records = catalog.list(page, 1000);
                    if (records.isEmpty()) {
                        break;
                    }
                    Record last = records.get(records.size() - 1);
                    page = new Catalog.Query(null, null, null, null, last.datestamp(), last.id());
                    List<Future<Object>> work = new ArrayList<>();
                    List<Boolean> isNew = new ArrayList<>();
                    for (Record r : records) {
                        if (r.deleted() || r.tei().isEmpty()) {
                            if (fingerprint(indexed, r.id()) != null) {
                                delete(r.id());
                                deleted++;
                            }
                            continue;
                        }
                        String fp = fingerprint(r);
                        String old = fingerprint(indexed, r.id());
                        if (fp.equals(old)) {
                            unchanged++;
                            continue;
                        }
                        isNew.add(old == null);
                        work.add(pool.submit(() -> {
                            try {
                                Article a = read(root, r, fp);
                                update(a);
                                return a;
                            } catch (IOException | SaxonApiException | RuntimeException e) {
                                return r.tei().get() + ": error: cannot index " + r.id() + ": "
                                        + (e.getMessage() == null ? e.toString() : e.getMessage()).replaceAll("\\s+",
                                        " ");
                            }
                        }));
                    }
                    for (int k = 0; k < work.size(); k++) {
                        Object result;
                        try {
                            result = work.get(k).get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted", e);
                        } catch (ExecutionException e) {
                            throw new IOException(e.getCause());
                        }
                        if (result instanceof Article a) {
                            sentences += a.sentences().stream().filter(x -> !x.text().isEmpty()).count();
                            if (isNew.get(k)) {
                                added++;
                            } else {
                                changed++;
                            }
                            sinceCommit++;
                        } else {
                            failed++;
                            problems.accept(String.valueOf(result));
                        }
                    }
                    if (sinceCommit >= COMMIT_EVERY) {
                        commit();
                        sinceCommit = 0;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            // articles the catalog no longer has at all
            List<String> gone = new ArrayList<>();
            CatalogException[] failure = {null};
            forEachArticle(indexed, id -> {
                try {
                    if (failure[0] == null && catalog.get(id).isEmpty()) {
                        gone.add(id); // rare: a record removed from the catalog by hand
                    }
                } catch (CatalogException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            for (String id : gone) {
                delete(id);
                deleted++;
            }
            commit();
            return new Counts(added, changed, deleted, unchanged, failed, sentences);
        }
    }

    /** What an article is indexed from: its TEI's SHA-256, its catalog metadata, its reading view, the format. */
    static String fingerprint(Record r) {
        String tei = r.outputs().stream().filter(o -> o.path().equals(r.tei().orElse(""))).map(Output::sha256)
                .findFirst().orElse("");
        String b = String.join("\n", FORMAT, r.id(), tei, r.date(), r.page(), r.section(), r.titleZh(), r.titleEn(),
                html(r));
        return Hashes.sha256(b.getBytes(StandardCharsets.UTF_8));
    }

    /** The reading view's path relative to {@code OUT/html/}, empty when the record has none. */
    static String html(Record r) {
        return r.outputs().stream().map(Output::path).filter(p -> p.startsWith("html/") && p.endsWith(".html"))
                .map(p -> p.substring("html/".length())).findFirst().orElse("");
    }

    /** Reads an article's TEI (inside the output folder only) and its catalog metadata. */
    static Article read(Path root, Record r, String fingerprint) throws IOException, SaxonApiException {
        Path tei = root.resolve(r.tei().get()).normalize();
        if (!tei.startsWith(root)) {
            throw new IOException("the catalog names a TEI file outside the output folder");
        }
        return article(r, fingerprint, Xml.parse(tei));
    }

    /**
     * An article as indexed, from its catalog record and its TEI tree in memory: what {@code run} has once it has
     * recorded an article, so that the index needs no second parse of the TEI just written.
     */
    public static Article of(Record r, XdmNode doc) throws SaxonApiException {
        return article(r, fingerprint(r), doc);
    }

    private static Article article(Record r, String fingerprint, XdmNode doc) throws SaxonApiException {
        XPathSelector s = COLUMN_PATH.load();
        s.setContextItem(doc);
        String column = s.evaluateSingle().getStringValue();
        return new Article(r.id(), r.date(), r.page(), r.section(), column, r.titleZh(), r.titleEn(), html(r),
                fingerprint, AlignedText.sentences(doc));
    }

    /** The index folder. */
    public Path folder() {
        return folder;
    }
}
