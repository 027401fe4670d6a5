package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.Corpus;
import org.bitext.validate.TeiValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input variations real archives have, end to end through {@code bitext run}: each gives TEI valid against bitext
 * and tei_all, and a {@code source} rendering that gives the input back.
 */
class VariationsRoundTripTest {
    @TempDir
    static Path tmp;
    private static final Map<String, byte[]> INPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void run() throws Exception {
        String ref = Files.readString(Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"));
        String gloss = Files.readString(Corpus.DIR.resolve("1946-05-18_yongfeng_yunshu_ocr_illegible_x.txt"));
        INPUTS.put("special", ref.replace("Leading cadres from", "<script>alert('&amp;')</script> & ]]> <![CDATA[x]]> Leading cadres from")
                .replace("本报讯　", "本报讯　<b>&lt;]]>")
                .getBytes(StandardCharsets.UTF_8));
        INPUTS.put("bullets", ref.replace("    With the exception", "    - First **point**\n    - Second point 中文\n\n    With the exception")
                .replace("    苏州市市、区级机关，除留下", "    ▲第一点\n    ▲ 第二点\n    苏州市市、区级机关，除留下")
                .getBytes(StandardCharsets.UTF_8));
        INPUTS.put("crlf-bom", ("\uFEFF" + ref.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        INPUTS.put("cr", ref.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        INPUTS.put("gb18030", gloss.getBytes(Charset.forName("GB18030")));
        INPUTS.put("utf16", gloss.getBytes(StandardCharsets.UTF_16));
        INPUTS.put("no-blank-lines", ref.replaceAll("\n\n    ", "\n    ").getBytes(StandardCharsets.UTF_8));
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Map.Entry<String, byte[]> e : INPUTS.entrySet()) {
            Files.write(in.resolve(e.getKey() + ".txt"), e.getValue());
        }
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    private static String decoded(String name) {
        byte[] b = INPUTS.get(name);
        if (name.equals("gb18030")) {
            return new String(b, Charset.forName("GB18030"));
        }
        if (name.equals("utf16")) {
            return new String(b, StandardCharsets.UTF_16);
        }
        return new String(b, StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    @Test
    void everyVariationRoundTripsAndIsValid() throws Exception {
        TeiValidator bitext = TeiValidator.builtin();
        String teiAllPath = System.getProperty("tei.all");
        TeiValidator teiAll = teiAllPath == null || teiAllPath.isBlank() ? null : TeiValidator.relaxNg(Path.of(teiAllPath));
        for (String name : INPUTS.keySet()) {
            Path tei = tmp.resolve("out/tei/" + name + ".xml");
            assertEquals(List.of(), bitext.validate(tei, name));
            if (teiAll != null) {
                assertEquals(List.of(), teiAll.validate(tei, name));
            }
            String source = Files.readString(tmp.resolve("out/source/" + name + ".txt"));
            assertEquals(org.bitext.render.SourceRoundTripTest.normalise(decoded(name)),
                    org.bitext.render.SourceRoundTripTest.normalise(source), name);
        }
    }
}
