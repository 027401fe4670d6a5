package org.bitext.cli;

import java.nio.charset.Charset;
import picocli.CommandLine.Option;

/** Options of the commands that read articles. */
final class ReadOptions {
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The articles' encoding, e.g. GB18030 (default: recognised: UTF-8, UTF-16 with BOM, GB18030/GBK).")
    Charset encoding;

    @Option(names = "--ext", paramLabel = "EXT", split = ",", defaultValue = "txt",
            description = "File name extension(s) of the articles looked for in folders, e.g. --ext md for the "
                    + "archive's .md files (default: ${DEFAULT-VALUE}).")
    java.util.List<String> extensions;
}
