package org.bitext.export.bag;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.domain.Version;
import gov.loc.repository.bagit.hash.Hasher;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.hash.SupportedAlgorithm;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.util.PathUtils;
import gov.loc.repository.bagit.verify.BagVerifier;
import gov.loc.repository.bagit.writer.BagitFileWriter;
import gov.loc.repository.bagit.writer.ManifestWriter;
import gov.loc.repository.bagit.writer.MetadataWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.bitext.pipeline.Inputs;
import org.bitext.pipeline.Plan;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmItem;
import org.bitext.Bitext;
import org.bitext.batch.Hashes;
import org.bitext.xml.Xml;

/**
 * {@code bitext export bagit}: a BagIt 1.0 bag (RFC 8493) of a run output folder, written with the Library of
 * Congress bagit-java and verified with it before it is put in place.
 *
 * <p>The bag is the same bytes every time for the same output folder (on one platform: bagit-java ends tag-file
 * lines with the platform's line separator). bagit-java's {@code BagCreator} cannot give that: it stamps today's
 * date as Bagging-Date, moves the files it bags, and lists the manifests in hash-map order, which depends on the
 * absolute paths. So the bag is assembled here, in a fixed order, and written by bagit-java's writers
 * ({@link BagitFileWriter}, {@link ManifestWriter}, {@link MetadataWriter}) from its domain objects ({@link Bag},
 * {@link Manifest}, {@link Metadata}); its {@link BagReader} and {@link BagVerifier} then check the result.
 *
 * <ul>
 *   <li>{@code data/}: every file of the output folder (tei/, html/, text/, source/, report.json), except hidden
 *       ones (names starting with a dot, such as the temporary files of a killed run);</li>
 *   <li>{@code bagit.txt}: BagIt-Version 1.0, UTF-8;</li>
 *   <li>{@code manifest-sha512.txt}, {@code tagmanifest-sha512.txt}: SHA-512, sorted by path;</li>
 *   <li>{@code bag-info.txt}: Source-Organization, Bagging-Date, External-Description, External-Identifier,
 *       Payload-Oxum, Bag-Software-Agent.</li>
 * </ul>
 *
 * <p>Bagging-Date is the newest article date in the TEI ({@code sourceDesc/bibl/date/@when}), unless given: a date
 * of the data, not of the clock, so that the bag depends on its payload only. External-Identifier is, unless
 * given, {@code bitext:} and the SHA-256 of {@code manifest-sha512.txt}: it names the payload.
 */
public final class BagExporter {
    /** The one checksum algorithm: SHA-512, what RFC 8493 recommends. */
    static final SupportedAlgorithm ALGORITHM = StandardSupportedAlgorithms.SHA512;
    private static final Version VERSION = new Version(1, 0);
    private static final String DESCRIPTION = "TEI P5 with HTML, text and source renderings, by bitext";

    private BagExporter() {
    }

    /**
     * What to write into bag-info.txt besides what is derived.
     *
     * @param sourceOrganization  Source-Organization
     * @param externalIdentifier  External-Identifier, or null for {@code bitext:} + SHA-256 of the manifest
     * @param baggingDate         Bagging-Date, or null for the newest article date of the TEI
     * @param force               replace an existing bag
     * @param durable             force every file to disk before the bag is renamed into place ({@code --fsync})
     */
    public record Options(String sourceOrganization, String externalIdentifier, LocalDate baggingDate, boolean force,
            boolean durable) {
        /** Source-Organization {@code bitext}, everything else derived, no replacing, no forcing to disk. */
        public static Options defaults() {
            return new Options("bitext", null, null, false, false);
        }
    }

    /**
     * A bag written and verified.
     *
     * @param bag                the bag folder
     * @param files              number of payload files
     * @param bytes              their total size
     * @param externalIdentifier its External-Identifier
     * @param baggingDate        its Bagging-Date, or empty when none could be derived and none was given
     */
    public record Summary(Path bag, int files, long bytes, String externalIdentifier, Optional<String> baggingDate) {
    }

    /**
     * Bags the run output folder {@code out} into {@code bag}, verifies it with bagit-java and puts it in place.
     *
     * @throws IOException when {@code out} is not a run output folder, {@code bag} may not be written, a file
     *                     cannot be read or written, or the bag written does not verify
     */
    public static Summary export(Path out, Path bag, Options options) throws IOException {
        checkOutput(out);
        checkApart(out, bag);
        // the payload in path order, listed on disk (not in memory): an output folder of any size
        try (Plan payload = Plan.tree(out, rel -> !Inputs.hidden(rel) && !catalog(rel))) {
            if (payload.size() == 0) {
                throw new IOException(out + " holds no files to bag");
            }
            return export(out, bag, options, payload);
        }
    }

    /** Payload manifest entries written at a time: bagit-java's writer formats them, a chunk at a time. */
    private static final int CHUNK = 4096;
    /**
     * Up to this many payload files, the bag is verified with bagit-java before it is put in place. bagit-java
     * reads a whole manifest into a map of path to checksum (some 400 bytes a file); beyond it the bag is checked
     * here, streaming: every manifest line against the file's SHA-512, every payload file listed, Payload-Oxum.
     */
    static final long BAGIT_VERIFY_MAX = 50_000;

    private static Summary export(Path out, Path bag, Options options, Plan payload) throws IOException {
        try (Staging staging = Staging.beside(bag, options.force(), BagExporter::isBag, "BagIt bag",
                options.durable())) {
            Path root = staging.dir();
            Path data = root.resolve("data");
            Bag b = new Bag(VERSION);
            b.setRootDir(root);
            b.setFileEncoding(StandardCharsets.UTF_8);
            BagitFileWriter.writeBagitFile(b.getVersion(), b.getFileEncoding(), root);

            // copy and hash each file, and append its manifest line as bagit-java's ManifestWriter writes it
            Path manifestFile = root.resolve("manifest-" + ALGORITHM.getBagitName() + ".txt");
            Path chunkDir = Files.createTempDirectory(root, ".manifest-");
            long bytes = 0;
            long files = 0;
            try (java.io.OutputStream manifestOut = new java.io.BufferedOutputStream(
                    Files.newOutputStream(manifestFile))) {
                Map<Path, String> chunk = new LinkedHashMap<>();
                java.util.Iterator<org.bitext.pipeline.Inputs.Input> it = payload.inputs();
                while (it.hasNext()) {
                    String rel = slashed(it.next().relative());
                    Path to = data.resolve(rel);
                    Files.createDirectories(to.getParent());
                    Files.copy(out.resolve(rel), to);
                    chunk.put(to, Hasher.hash(to, digest()));
                    bytes += Files.size(to);
                    files++;
                    if (chunk.size() == CHUNK || !it.hasNext()) {
                        Manifest m = new Manifest(ALGORITHM);
                        m.setFileToChecksumMap(chunk);
                        ManifestWriter.writePayloadManifests(Set.of(m), chunkDir, root, b.getFileEncoding());
                        Path written = chunkDir.resolve(manifestFile.getFileName());
                        Files.copy(written, manifestOut);
                        Files.delete(written);
                        chunk = new LinkedHashMap<>();
                    }
                }
            } finally {
                Files.deleteIfExists(chunkDir.resolve(manifestFile.getFileName()));
                Files.deleteIfExists(chunkDir);
            }

            String identifier = options.externalIdentifier() != null ? options.externalIdentifier()
                    : "bitext:" + Hashes.sha256(manifestFile);
            Optional<String> date = options.baggingDate() != null ? Optional.of(options.baggingDate().toString())
                    : newestArticleDate(out);
            Metadata info = new Metadata();
            info.add("Source-Organization", options.sourceOrganization());
            date.ifPresent(d -> info.add("Bagging-Date", d));
            info.add("External-Description", DESCRIPTION);
            info.add("External-Identifier", identifier);
            info.add("Payload-Oxum", bytes + "." + files);
            info.add("Bag-Software-Agent", "bitext " + Bitext.version());
            b.setMetadata(info);
            MetadataWriter.writeBagMetadata(b.getMetadata(), b.getVersion(), root, b.getFileEncoding());

            Manifest tags = new Manifest(ALGORITHM);
            Map<Path, String> tagSums = new LinkedHashMap<>();
            for (String name : List.of("bag-info.txt", "bagit.txt", manifestFile.getFileName().toString())) {
                tagSums.put(root.resolve(name), Hasher.hash(root.resolve(name), digest()));
            }
            tags.setFileToChecksumMap(tagSums);
            b.setTagManifests(Set.of(tags));
            ManifestWriter.writeTagManifests(b.getTagManifests(), root, root, b.getFileEncoding());

            if (files <= BAGIT_VERIFY_MAX) {
                verifyWithBagit(root, Runtime.getRuntime().availableProcessors());
            } else {
                verifyStreaming(root, manifestFile, files, bytes);
            }
            staging.commit();
            return new Summary(bag, (int) files, bytes, identifier, date);
        }
    }

    /**
     * The check of a bag too large for bagit-java's in-memory verifier: every line of the payload manifest names a
     * file whose SHA-512 it gives, their number and total size are the Payload-Oxum's, and {@code data/} holds no
     * other file. One line and one file at a time.
     */
    public static void verifyStreaming(Path root, Path manifest, long files, long bytes) throws IOException {
        long listed = 0;
        long size = 0;
        try (java.io.BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int gap = line.indexOf("  ");
                if (gap < 0) {
                    throw new IOException("the bag " + root + " does not verify: a malformed manifest line: " + line);
                }
                Path f = root.resolve(PathUtils.decodeFilname(line.substring(gap + 2)));
                if (!Files.isRegularFile(f) || !Hasher.hash(f, digest()).equals(line.substring(0, gap))) {
                    throw new IOException("the bag " + root + " does not verify: " + line.substring(gap + 2)
                            + " is missing or altered");
                }
                listed++;
                size += Files.size(f);
            }
        }
        long inData;
        try (Stream<Path> s = Files.walk(root.resolve("data"))) {
            inData = s.filter(Files::isRegularFile).count();
        }
        if (listed != files || size != bytes || inData != files) {
            throw new IOException("the bag " + root + " does not verify: " + listed + " files listed (" + size
                    + " bytes), " + inData + " in data/, " + files + " copied (" + bytes + " bytes)");
        }
    }

    /**
     * Verifies a bag with bagit-java alone: read, Payload-Oxum, then completeness and every checksum of the payload
     * and tag manifests. bagit-java stops at the first problem; {@link BagChecker} finds all of them, by path.
     *
     * @throws IOException naming the first problem bagit-java found, or when a file cannot be read
     */
    public static void verifyWithBagit(Path root, int threads) throws IOException {
        Optional<String> problem = bagitProblem(root, threads);
        if (problem.isPresent()) {
            throw new IOException("the bag " + root + " does not verify: " + problem.get());
        }
    }

    /** What bagit-java finds wrong with the bag first, if anything; I/O failures are thrown. */
    static Optional<String> bagitProblem(Path root, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (BagVerifier verifier = new BagVerifier(pool)) {
            Bag read = new BagReader().read(root);
            if (BagVerifier.canQuickVerify(read)) {
                BagVerifier.quicklyVerify(read);
            }
            verifier.isValid(read, false);
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of("a tag file is not in its declared encoding: " + e);
        } catch (IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while verifying the bag", e);
        } catch (Exception e) { // bagit-java's checked exceptions: MissingBagitFile, CorruptChecksum, ...
            return Optional.of(e.getMessage() + " (bagit-java: " + e.getClass().getSimpleName() + ")");
        }
    }

    /** A BagIt bag: a folder with bagit.txt. */
    public static boolean isBag(Path dir) {
        return Files.isRegularFile(dir.resolve("bagit.txt"));
    }

    /**
     * The files of a run output folder to bag, as {@code /}-separated paths relative to it, sorted: every regular
     * file, except hidden files, files in hidden folders and the catalog ({@link #catalog}).
     */
    /** Refuses a folder that is not a run output. */
    static void checkOutput(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            throw new IOException("cannot read the folder " + out);
        }
        if (!Files.isDirectory(out.resolve("tei"))) {
            throw new IOException(out + " is not a bitext run output: it has no tei/ folder (make one with "
                    + "`bitext run IN -o " + out + "`)");
        }
    }

    /**
     * Whether a path is the folder's catalog (catalog.sqlite and SQLite's -wal, -shm and -journal files beside it) or
     * its search index (search/): operational indexes of the outputs, made again from them, not part of what is
     * preserved.
     */
    static boolean catalog(Path rel) {
        return rel.getNameCount() == 1 && rel.toString().startsWith(org.bitext.catalog.Catalog.FILE)
                || rel.getName(0).toString().equals(org.bitext.search.SearchIndex.FOLDER);
    }

    /** Refuses a bag inside the folder it bags, or the other way round. */
    static void checkApart(Path out, Path bag) throws IOException {
        Path o = real(out);
        Path b = real(bag);
        if (b.startsWith(o)) {
            throw new IOException("the bag " + bag + " would be inside the folder it bags, " + out
                    + "; write it elsewhere");
        }
        if (o.startsWith(b)) {
            throw new IOException("the folder to bag, " + out + ", is inside " + bag + "; write the bag elsewhere");
        }
    }

    /**
     * The newest {@code sourceDesc/bibl/date/@when} of the TEI files under {@code out/tei}: a full ISO date
     * (YYYY-MM-DD) or nothing. A file that does not parse simply gives no date.
     */
    static Optional<String> newestArticleDate(Path out) throws IOException {
        XPathCompiler xc = Xml.processor().newXPathCompiler();
        xc.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        XPathExecutable when;
        try {
            when = xc.compile("/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date/@when");
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(org.bitext.catalog.Catalog.fileOf(out))) {
            // the catalog has every TEI file's date: no need to parse them all again
            try (org.bitext.catalog.Catalog c = org.bitext.catalog.Catalog.openExisting(out)) {
                return c.newestTeiDate();
            } catch (org.bitext.catalog.CatalogException e) {
                // read the TEI files themselves
            }
        }
        LocalDate newest = null;
        try (Plan teis = Plan.tree(out.resolve("tei"), rel -> Inputs.inTree(rel, List.of("xml")))) {
            for (Path tei : (Iterable<Path>) teis::files) {
            try {
                var sel = when.load();
                sel.setContextItem(Xml.parse(tei));
                for (XdmItem item : sel.evaluate()) {
                    LocalDate d = LocalDate.parse(item.getStringValue().strip());
                    if (newest == null || d.isAfter(newest)) {
                        newest = d;
                    }
                }
            } catch (SaxonApiException | DateTimeParseException e) {
                // no usable date in this file
            }
            }
        }
        return Optional.ofNullable(newest).map(LocalDate::toString);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance(ALGORITHM.getMessageDigestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java platform", e);
        }
    }


    static String slashed(Path rel) {
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }

    /** The real path of the folder, or of its nearest existing ancestor with the rest appended. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs));
    }
}
