import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes N benchmark articles: the bundled corpus's articles copied under new names (NAME-000123.txt) into one folder,
 * round robin. Usage: java bench/Synth.java CORPUS N DIR. A Java program, not a shell loop: 200,000 copies by cp take
 * minutes of process starts.
 */
public class Synth {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        List<Path> src;
        try (Stream<Path> s = Files.list(corpus)) {
            src = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        byte[][] bytes = new byte[src.size()][];
        for (int k = 0; k < src.size(); k++) {
            bytes[k] = Files.readAllBytes(src.get(k));
        }
        for (int i = 0; i < n; i++) {
            String name = src.get(i % src.size()).getFileName().toString();
            Files.write(dir.resolve(name.substring(0, name.length() - 4) + String.format("-%06d.txt", i)),
                    bytes[i % src.size()]);
        }
    }
}
