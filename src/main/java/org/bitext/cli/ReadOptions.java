package org.bitext.cli;

import java.nio.charset.Charset;
import org.bitext.Bitext;
import org.bitext.read.ArticleReader;
import picocli.CommandLine.Option;

/** Options of the commands that read articles. */
final class ReadOptions {
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The articles' encoding, e.g. GB18030 (default: recognised: UTF-8, UTF-16 with BOM, GB18030/GBK).")
    Charset encoding;

    ArticleReader reader() {
        return new ArticleReader(encoding);
    }

    /** What, besides an input's bytes, shapes its outputs; a change makes every output out of date. */
    String settings(String extra) {
        return "bitext " + Bitext.version() + "; encoding " + (encoding == null ? "auto" : encoding.name())
                + (extra.isEmpty() ? "" : "; " + extra);
    }
}
