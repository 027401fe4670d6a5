package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bitext.Converted;
import org.bitext.Corpus;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that nothing is lost: the {@code source} rendering, made from the TEI alone, equals the input after
 * only CRLF→LF, trimming each line and collapsing runs of blank lines to one.
 */
public class SourceRoundTripTest {
    private static Renderer renderer;

    @BeforeAll
    static void load() throws Exception {
        renderer = Renderer.load(null, List.of(Format.SOURCE), false);
    }

    static Stream<String> names() {
        return Converted.tei().keySet().stream();
    }

    /** The comparison's only normalisations. */
    public static String normalise(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>();
        boolean blank = false;
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty()) {
                if (!blank) {
                    out.add("");
                }
                blank = true;
            } else {
                out.add(t);
                blank = false;
            }
        }
        return String.join("\n", out);
    }

    @ParameterizedTest
    @MethodSource("names")
    void sourceGivesTheInputBack(String name) throws Exception {
        String input = Files.readString(Corpus.DIR.resolve(name + ".txt"));
        byte[] source = renderer.render(Xml.parse(Converted.tei().get(name)), Format.SOURCE, Map.of());
        assertEquals(normalise(input), normalise(new String(source, StandardCharsets.UTF_8)));
    }
}
