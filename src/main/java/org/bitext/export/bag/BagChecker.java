package org.bitext.export.bag;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.hash.Hasher;
import gov.loc.repository.bagit.reader.BagReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bitext verify}: every problem of a BagIt bag, by path. bagit-java parses the bag ({@link BagReader}) and
 * hashes the files ({@link Hasher}), but its {@code BagVerifier} throws at the first problem; so the checks it makes
 * are made here over the whole bag, to name every missing, extra or altered file, and bagit-java's own verifier is
 * run last, on a bag found sound, as the final word.
 *
 * <ul>
 *   <li>missing: listed in a payload or tag manifest, not in the bag;</li>
 *   <li>extra: in {@code data/}, hidden files included, but not listed in every payload manifest;</li>
 *   <li>altered: its checksum differs from a manifest's;</li>
 *   <li>Payload-Oxum of bag-info.txt not matching the payload;</li>
 *   <li>no bagit.txt, no payload manifest, no data/, or a bag bagit-java cannot read.</li>
 * </ul>
 */
public final class BagChecker {
    private static final Pattern OXUM = Pattern.compile("(\\d+)\\.(\\d+)");

    private BagChecker() {
    }

    /**
     * One problem.
     *
     * @param path    the file concerned, relative to the bag with {@code /} separators; empty for the bag itself
     * @param message what is wrong, starting with the kind (missing, extra, altered) where it is one of those
     */
    public record Problem(String path, String message) {
        /** The line for standard error: {@code BAG/PATH: error: MESSAGE}, the bag named by {@code bag}. */
        public String line(String bag) {
            String root = bag.replaceAll("[/\\\\]+$", "");
            return (path.isEmpty() ? root : root + "/" + path) + ": error: " + message;
        }
    }

    /**
     * The outcome.
     *
     * @param problems every problem found, sorted by path
     * @param files    payload files found under data/
     * @param bytes    their total size
     * @param manifests the payload manifests' file names
     */
    public record Result(List<Problem> problems, long files, long bytes, List<String> manifests) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the bag.
     *
     * @param threads parallel hashing workers
     * @throws IOException when the bag folder or one of its files cannot be read
     */
    public static Result check(Path bag, int threads) throws IOException {
        if (!Files.isDirectory(bag)) {
            throw new IOException("cannot read the bag " + bag + ": " + (Files.exists(bag) ? "not a folder"
                    : "no such folder"));
        }
        Path root = bag.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isRegularFile(root.resolve("bagit.txt"))) {
            problems.add(new Problem("bagit.txt", "missing — not a BagIt bag: RFC 8493 requires bagit.txt"));
            return new Result(problems, 0, 0, List.of());
        }
        Bag read;
        try {
            read = new BagReader().read(root);
        } catch (CharacterCodingException e) {
            problems.add(new Problem("", "a tag file is not in the encoding bagit.txt declares: " + e));
            return new Result(problems, 0, 0, List.of());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) { // bagit-java's: UnparsableVersion, InvalidBagMetadata, MaliciousPath, ...
            problems.add(new Problem("", "bagit-java cannot read the bag: " + e.getMessage()));
            return new Result(problems, 0, 0, List.of());
        }

        Path data = root.resolve("data");
        Map<String, Long> payload = new TreeMap<>(); // file under data/ → size
        if (Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(data)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(p)) {
                        payload.put(rel(root, p), Files.size(p));
                    }
                }
            }
        } else {
            problems.add(new Problem("data", "missing — the payload folder data/ is required"));
        }

        List<Manifest> manifests = sorted(read.getPayLoadManifests());
        List<String> manifestNames = manifests.stream().map(m -> name("manifest-", m)).toList();
        if (manifests.isEmpty()) {
            problems.add(new Problem("", "no payload manifest (manifest-ALGORITHM.txt, e.g. manifest-sha512.txt)"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Set<String> missing = new TreeSet<>();
            checkManifests(root, manifests, "manifest-", pool, problems, missing);
            List<Set<String>> listed = manifests.stream().map(m -> listed(root, m)).toList();
            for (Map.Entry<String, Long> f : payload.entrySet()) {
                List<String> notIn = new ArrayList<>();
                for (int i = 0; i < manifests.size(); i++) {
                    Manifest m = manifests.get(i);
                    if (!listed.get(i).contains(f.getKey())) {
                        notIn.add(name("manifest-", m));
                    }
                }
                if (!notIn.isEmpty()) {
                    problems.add(new Problem(f.getKey(), "extra — in data/ but not listed in "
                            + String.join(", ", notIn)));
                }
            }
            checkManifests(root, sorted(read.getTagManifests()), "tagmanifest-", pool, problems, missing);
        } finally {
            pool.shutdownNow();
        }

        List<String> oxums = read.getMetadata().get("Payload-Oxum");
        if (oxums != null && !oxums.isEmpty()) {
            String oxum = oxums.get(0).strip();
            long bytes = payload.values().stream().mapToLong(Long::longValue).sum();
            Matcher m = OXUM.matcher(oxum);
            if (!m.matches()) {
                problems.add(new Problem("bag-info.txt", "Payload-Oxum `" + oxum
                        + "` is not OCTETCOUNT.STREAMCOUNT, e.g. 357392.50"));
            } else if (Long.parseLong(m.group(1)) != bytes || Long.parseLong(m.group(2)) != payload.size()) {
                problems.add(new Problem("bag-info.txt", "Payload-Oxum " + oxum + " does not match the payload: "
                        + bytes + " bytes in " + payload.size() + " files"));
            }
        }

        if (problems.isEmpty()) {
            BagExporter.bagitProblem(root, threads).ifPresent(p -> problems.add(new Problem("", p)));
        }
        problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
        return new Result(List.copyOf(problems), payload.size(),
                payload.values().stream().mapToLong(Long::longValue).sum(), manifestNames);
    }

    /** Missing and altered files of each manifest; a file missing from several is reported once. */
    private static void checkManifests(Path root, List<Manifest> manifests, String prefix, ExecutorService pool,
            List<Problem> problems, Set<String> missing) throws IOException {
        for (Manifest m : manifests) {
            String file = name(prefix, m);
            String algorithm = m.getAlgorithm().getMessageDigestName();
            Map<String, Path> byPath = new TreeMap<>();
            m.getFileToChecksumMap().keySet().forEach(p -> byPath.put(rel(root, p), p));
            List<String> paths = new ArrayList<>();
            List<Future<String>> sums = new ArrayList<>();
            for (Map.Entry<String, Path> e : byPath.entrySet()) {
                Path p = e.getValue();
                if (!Files.isRegularFile(p)) {
                    if (missing.add(e.getKey())) {
                        problems.add(new Problem(e.getKey(), "missing — listed in " + file
                                + " but not in the bag"));
                    }
                    continue;
                }
                paths.add(e.getKey());
                sums.add(pool.submit(() -> Hasher.hash(p, MessageDigest.getInstance(algorithm))));
            }
            for (int i = 0; i < paths.size(); i++) {
                String actual = await(sums.get(i));
                String expected = m.getFileToChecksumMap().get(byPath.get(paths.get(i)));
                if (!actual.equalsIgnoreCase(expected.strip())) {
                    problems.add(new Problem(paths.get(i), "altered — " + algorithm + " differs from " + file));
                }
            }
        }
    }

    private static String await(Future<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof NoSuchAlgorithmException) {
                throw new IOException("no " + e.getCause().getMessage(), e.getCause());
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Set<String> listed(Path root, Manifest m) {
        Set<String> s = new LinkedHashSet<>();
        m.getFileToChecksumMap().keySet().forEach(p -> s.add(rel(root, p)));
        return s;
    }

    private static List<Manifest> sorted(Set<Manifest> manifests) {
        return manifests.stream().sorted(Comparator.comparing(m -> m.getAlgorithm().getBagitName())).toList();
    }

    private static String name(String prefix, Manifest m) {
        return prefix + m.getAlgorithm().getBagitName() + ".txt";
    }

    private static String rel(Path root, Path p) {
        return BagExporter.slashed(root.relativize(p.toAbsolutePath().normalize()));
    }
}
