import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;

/**
 * The floor of bench/run: the least work any tool must do to turn the same inputs into the same output files the
 * way {@code bitext run} writes them, measured after a run. It reads every input of IN (the files run reads: *.txt),
 * parses and serializes every TEI file of OUT/tei once with Saxon-HE (s9api: DocumentBuilder, Serializer), and
 * writes every file of OUT (the TEI as serialized here, every other file, renderings, site pages, report, catalog,
 * search index, with its bytes as read) to FLOOR_OUT at the same relative path: a temporary file in the target's
 * folder, then an atomic rename, no fsync, as run's AtomicFiles does by default. THREADS workers share the files, as
 * run's workers share the articles (run's default: one per core).
 *
 * <p>Usage: {@code java -cp SAXON_CLASSPATH:target/bench/classes Floor IN OUT FLOOR_OUT THREADS}. Prints what it
 * read and wrote, so that the counts can be compared with run's own output folder.
 */
public class Floor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final String MIXED = java.util.stream.Stream.of("title", "persName", "author", "p", "head",
                    "byline", "item", "note", "biblScope", "date", "language", "change", "label", "hi", "seg",
                    "foreign", "term", "gloss")
            .map(n -> "{" + TEI + "}" + n).collect(java.util.stream.Collectors.joining(" "));

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Floor IN OUT FLOOR_OUT THREADS");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path floor = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        long start = System.nanoTime();

        List<Path> inputs = list(in, p -> p.getFileName().toString().endsWith(".txt"));
        List<Path> outputs = list(out, p -> true);
        Processor saxon = new Processor(false);

        AtomicLong inputBytes = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicLong writtenBytes = new AtomicLong();
        AtomicInteger tei = new AtomicInteger();
        AtomicInteger teiSame = new AtomicInteger();
        // one list of work: the inputs (read), then the outputs (TEI: parse + serialize + write; others: copy)
        int total = inputs.size() + outputs.size();
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            DocumentBuilder builder = saxon.newDocumentBuilder();
            for (int i; (i = next.getAndIncrement()) < total && failures.isEmpty(); ) {
                try {
                    if (i < inputs.size()) {
                        inputBytes.addAndGet(Files.readAllBytes(inputs.get(i)).length);
                        continue;
                    }
                    Path source = outputs.get(i - inputs.size());
                    Path rel = out.relativize(source);
                    Path target = floor.resolve(rel);
                    if (rel.getNameCount() > 1 && rel.getName(0).toString().equals("tei")
                            && rel.getFileName().toString().endsWith(".xml")) {
                        byte[] bytes = Files.readAllBytes(source);
                        XdmNode doc = builder.build(new StreamSource(new ByteArrayInputStream(bytes),
                                source.toUri().toString()));
                        ByteArrayOutputStream buf = new ByteArrayOutputStream(bytes.length + 256);
                        Serializer ser = saxon.newSerializer(buf);
                        ser.setOutputProperty(Serializer.Property.METHOD, "xml");
                        ser.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
                        // the TEI's own serialization settings (TeiEncoder): indented, but not inside mixed content
                        ser.setOutputProperty(Serializer.Property.INDENT, "yes");
                        ser.setOutputProperty(Serializer.Property.SAXON_SUPPRESS_INDENTATION, MIXED);
                        ser.serializeNode(doc);
                        byte[] serialized = buf.toByteArray();
                        tei.incrementAndGet();
                        if (java.util.Arrays.equals(bytes, serialized)) {
                            teiSame.incrementAndGet();
                        }
                        writtenBytes.addAndGet(write(target, o -> o.write(serialized)));
                    } else {
                        try (InputStream s = Files.newInputStream(source)) {
                            writtenBytes.addAndGet(write(target, o -> s.transferTo(o)));
                        }
                    }
                    written.incrementAndGet();
                } catch (Exception | Error e) {
                    failures.add(e);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(worker, "floor-" + t);
            th.start();
            pool.add(th);
        }
        for (Thread th : pool) {
            th.join();
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "floor: %d threads; read %d inputs (%.1f MB); parsed and serialized %d TEI "
                        + "(%d byte-identical to run's); wrote %d files (%.1f MB) by temp file and rename; %.2f s "
                        + "in the JVM%n", threads, inputs.size(), inputBytes.get() / 1e6, tei.get(), teiSame.get(),
                written.get(), writtenBytes.get() / 1e6, (System.nanoTime() - start) / 1e9);
    }

    private static List<Path> list(Path root, java.util.function.Predicate<Path> wanted) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(wanted).sorted().toList();
        }
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** As run's AtomicFiles (without fsync): a new temporary file beside the target, then renamed over it. */
    private static long write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        OutputStream stream;
        while (true) {
            tmp = dir.resolve(".floor-" + target.getFileName() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            try {
                stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
        try {
            try (OutputStream o = new java.io.BufferedOutputStream(stream, 1 << 16)) {
                body.writeTo(o);
            }
            long size = Files.size(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
