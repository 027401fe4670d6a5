package org.bitext.export.saf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bitext.pipeline.Inputs;
import org.bitext.pipeline.Plan;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.bitext.export.bag.Staging;
import org.bitext.xml.Xml;

/**
 * {@code bitext export saf}: a DSpace Simple Archive Format folder of a run output folder, as DSpace's batch
 * importer reads it ({@code dspace import -a -e EMAIL -c COLLECTION -s DIR -m MAPFILE}).
 *
 * <p>One item folder per TEI file of {@code OUT/tei/}, {@code item_000}, {@code item_001}, … in the order of the
 * TEI files' paths (the importer takes the folders in name order, so the numbers are zero-padded to one width).
 * Each holds:
 * <ul>
 *   <li>{@code dublin_core.xml}: the TEI header crosswalked by {@code xslt/saf-dc.xsl};</li>
 *   <li>the bitstreams: {@code NAME.xml} (TEI, the primary bitstream), {@code NAME.html}, {@code NAME.txt} (the
 *       aligned text) in bundle ORIGINAL, what a reader downloads; {@code NAME.source.txt} (the input layout,
 *       rebuilt from the TEI) in bundle SOURCE, kept with the item but not offered as a download;</li>
 *   <li>{@code contents}: one line per bitstream, {@code NAME\tbundle:B\tdescription:…}.</li>
 * </ul>
 * A rendering the run did not write is left out of its item. The folder is written beside the target and renamed
 * into place at the end, and is the same bytes every time for the same output folder.
 */
public final class SafExporter {
    /** Characters a contents line cannot carry in a file name. */
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\t\\r\\n]");

    /** The bitstreams of an item: where each comes from, its name in the item, bundle and description. */
    private record Bitstream(String folder, String extension, String suffix, String bundle, boolean primary,
            String description) {
    }

    private static final List<Bitstream> STREAMS = List.of(
            new Bitstream("tei", ".xml", ".xml", "ORIGINAL", true,
                    "TEI P5: Chinese original and English translation, aligned"),
            new Bitstream("html", ".html", ".html", "ORIGINAL", false,
                    "Reading view (HTML): Chinese and English side by side"),
            new Bitstream("text", ".txt", ".txt", "ORIGINAL", false,
                    "Plain text: Chinese and English, unit by unit"),
            new Bitstream("source", ".txt", ".source.txt", "SOURCE", false,
                    "Transcription layout rebuilt from the TEI (bitext input format)"));

    private static volatile XsltExecutable compiled;

    private final XsltExecutable crosswalk;

    private SafExporter(XsltExecutable crosswalk) {
        this.crosswalk = crosswalk;
    }

    /** The exporter with {@code saf-dc.xsl} compiled (once per process). */
    public static SafExporter load() throws IOException {
        XsltExecutable x = compiled;
        if (x == null) {
            synchronized (SafExporter.class) {
                if (compiled == null) {
                    compiled = org.bitext.render.Stylesheets.compile(null, "saf-dc.xsl");
                }
                x = compiled;
            }
        }
        return new SafExporter(x);
    }

    /**
     * The export's outcome.
     *
     * @param dir      the Simple Archive folder
     * @param items    item folders written
     * @param problems one line per TEI file that could not be exported, {@code FILE:LINE:COL: error: MESSAGE}
     */
    public record Summary(Path dir, int items, List<String> problems) {
    }

    /**
     * Writes the Simple Archive of the run output folder {@code out} into {@code dir}. A TEI file that cannot be
     * read or crosswalked is reported and left out; the others are still exported.
     *
     * @param force   replace {@code dir} when it already holds a Simple Archive
     * @param durable force every file to disk before the folder is renamed into place ({@code --fsync})
     * @throws IOException when {@code out} is not a run output folder, {@code dir} may not be written, or a file
     *                     cannot be read or written
     */
    public Summary export(Path out, Path dir, boolean force, boolean durable) throws IOException {
        Path tei = out.resolve("tei");
        if (!Files.isDirectory(tei)) {
            throw new IOException(out + " is not a bitext run output: it has no tei/ folder (make one with "
                    + "`bitext run IN -o " + out + "`)");
        }
        // the TEI files in path order, listed on disk (not in memory): an archive of any size
        try (Plan sources = Plan.tree(tei, rel -> Inputs.inTree(rel, List.of("xml")))) {
            if (sources.size() == 0) {
                throw new IOException("no TEI files in " + tei);
            }
            return export(out, tei, sources, dir, force, durable);
        }
    }

    private Summary export(Path out, Path tei, Plan sources, Path dir, boolean force, boolean durable)
            throws IOException {
        int width = Math.max(3, String.valueOf(sources.size() - 1).length());
        List<String> problems = new ArrayList<>();
        int items = 0;
        try (Staging staging = Staging.beside(dir, force, SafExporter::isArchive, "Simple Archive Format folder",
                durable)) {
            for (Path file : (Iterable<Path>) sources::files) {
                String rel = tei.relativize(file).toString();
                String stem = rel.substring(0, rel.length() - ".xml".length());
                String name = file.getFileName().toString();
                name = name.substring(0, name.length() - ".xml".length());
                String display = out.resolve("tei").resolve(rel).toString();
                if (UNSAFE_NAME.matcher(name).find()) {
                    problems.add(display + ":0:0: error: a tab or line break in the file name cannot be listed "
                            + "in a DSpace contents file; rename the input");
                    continue;
                }
                byte[] dc;
                try {
                    dc = dublinCore(Xml.parse(file));
                } catch (SaxonApiException e) {
                    problems.add(Xml.describe(e).at(display, "error"));
                    continue;
                } catch (CrosswalkException e) {
                    problems.add(display + ":" + e.line() + ":" + e.column() + ": error: " + e.getMessage());
                    continue;
                }
                Path item = staging.dir().resolve(String.format("item_%0" + width + "d", items));
                Files.createDirectories(item);
                Files.write(item.resolve("dublin_core.xml"), dc);
                StringBuilder contents = new StringBuilder();
                for (Bitstream s : STREAMS) {
                    Path from = out.resolve(s.folder()).resolve(stem + s.extension());
                    if (!Files.isRegularFile(from)) {
                        continue;
                    }
                    String bitstream = name + s.suffix();
                    Files.copy(from, item.resolve(bitstream));
                    contents.append(bitstream).append("\tbundle:").append(s.bundle());
                    if (s.primary()) {
                        contents.append("\tprimary:true");
                    }
                    contents.append("\tdescription:").append(s.description()).append('\n');
                }
                Files.write(item.resolve("contents"), contents.toString().getBytes(StandardCharsets.UTF_8));
                items++;
            }
            if (items > 0) {
                staging.commit();
            }
        }
        return new Summary(dir, items, List.copyOf(problems));
    }

    /**
     * The {@code dublin_core.xml} of one TEI document.
     *
     * @throws CrosswalkException when the document is not TEI or has no title, located at its root element
     */
    public byte[] dublinCore(XdmNode tei) throws CrosswalkException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        Xslt30Transformer t = crosswalk.load30();
        List<String> messages = new ArrayList<>();
        t.setMessageHandler(m -> messages.add(m.getContent().getStringValue().replaceAll("\\s+", " ").strip()));
        try {
            t.applyTemplates(tei, t.newSerializer(bytes));
        } catch (SaxonApiException e) {
            XdmNode root = tei;
            for (XdmNode child : tei.children()) {
                if (child.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                    root = child;
                    break;
                }
            }
            String why = messages.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", messages);
            throw new CrosswalkException(why, Math.max(root.getLineNumber(), 0), Math.max(root.getColumnNumber(), 0),
                    e);
        }
        return bytes.toByteArray();
    }

    /** A TEI document that saf-dc.xsl cannot make a dublin_core.xml of, with the place to look. */
    public static final class CrosswalkException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        CrosswalkException(String message, int line, int column, Throwable cause) {
            super(message, cause);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** A Simple Archive: a folder whose entries are all item folders (item_NNN). */
    public static boolean isArchive(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("item_\\d+"));
        } catch (IOException e) {
            return false;
        }
    }
}
