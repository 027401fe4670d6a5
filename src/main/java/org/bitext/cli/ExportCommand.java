package org.bitext.cli;

import org.bitext.export.parallel.AlignedText;
import org.bitext.export.parallel.ParallelExporter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.bitext.export.bag.BagExporter;
import org.bitext.export.saf.SafExporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext export}: a run output folder packaged for a repository. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Package a run output folder: a BagIt bag, a DSpace Simple Archive, a TMX memory, sentence pairs.",
        description = {"Package a run output folder (from `bitext run IN -o OUT`) for a repository: a BagIt bag "
                + "(bagit) or a DSpace Simple Archive Format folder (saf); or its aligned sentences for translators "
                + "and corpus work: a TMX 1.4b translation memory (tmx) or sentence pairs, TSV and Moses (pairs)."},
        subcommands = {ExportCommand.Bagit.class, ExportCommand.Saf.class, ExportCommand.Tmx.class,
            ExportCommand.Pairs.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some article could not be exported (saf, tmx, pairs)",
                "2:usage error, or a file or folder could not be read or written"})
public final class ExportCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an export format is required: bagit, saf, tmx or pairs");
    }

    /** {@code bitext export bagit OUT -o BAG}. */
    @Command(name = "bagit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "A BagIt 1.0 bag (RFC 8493) of a run output folder, verified with bagit-java.",
            description = {"Write a BagIt 1.0 bag (RFC 8493) of a run output folder: data/ holds OUT's files, "
                    + "manifest-sha512.txt and tagmanifest-sha512.txt their SHA-512, bag-info.txt Source-Organization, "
                    + "Bagging-Date (the newest article date unless given), External-Identifier (bitext: and the "
                    + "SHA-256 of the manifest unless given) and Payload-Oxum. The bag is verified with bagit-java "
                    + "before it is put in place, and is the same bytes every time for the same OUT."})
    static final class Bagit implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;

        @Parameters(arity = "1", paramLabel = "OUT", description = "A run output folder.")
        Path input;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "BAG",
                description = "The bag folder to write; it must not exist or be empty, unless --force.")
        Path output;

        @Option(names = "--force", description = "Replace BAG if it is a bag already.")
        boolean force;

        @Option(names = "--source-organization", paramLabel = "NAME", defaultValue = "bitext",
                description = "Source-Organization of bag-info.txt (default: ${DEFAULT-VALUE}).")
        String sourceOrganization;

        @Option(names = "--external-identifier", paramLabel = "ID",
                description = "External-Identifier of bag-info.txt (default: bitext: and the SHA-256 of "
                        + "manifest-sha512.txt).")
        String externalIdentifier;

        @Option(names = "--bagging-date", paramLabel = "YYYY-MM-DD",
                description = "Bagging-Date of bag-info.txt (default: the newest article date of the TEI, so that "
                        + "the bag depends on its data only).")
        String baggingDate;

        @Override
        public Integer call() {
            LocalDate date = null;
            if (baggingDate != null) {
                try {
                    date = LocalDate.parse(baggingDate);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--bagging-date must be a date YYYY-MM-DD, for example 2024-05-31, not " + baggingDate);
                }
            }
            oneLine("--source-organization", sourceOrganization);
            oneLine("--external-identifier", externalIdentifier);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                BagExporter.Summary s = BagExporter.export(input, output, new BagExporter.Options(
                        sourceOrganization, externalIdentifier, date, force, fsync(spec)));
                if (!common.quiet) {
                    out.println("bagged " + s.files() + " files (" + s.bytes() + " bytes) into " + output
                            + "; verified with bagit-java: complete and valid");
                }
                return 0;
            } catch (IOException e) {
                return failed(e, err, common.debug);
            } finally {
                out.flush();
                err.flush();
            }
        }

        private void oneLine(String option, String value) {
            if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " must be one line of text, not empty");
            }
        }
    }

    /** {@code bitext export saf OUT -o DIR}. */
    @Command(name = "saf", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "A DSpace Simple Archive Format folder of a run output folder, for `dspace import`.",
            description = {"Write a DSpace Simple Archive Format folder of a run output folder, for "
                    + "`dspace import -a -e EMAIL -c COLLECTION -s DIR -m MAPFILE`: one item_NNN/ per TEI file, with "
                    + "dublin_core.xml (crosswalked from the TEI header by xslt/saf-dc.xsl), the TEI, HTML and text "
                    + "(bundle ORIGINAL), the source layout (bundle SOURCE) and the contents file listing them."})
    static final class Saf implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;

        @Parameters(arity = "1", paramLabel = "OUT", description = "A run output folder.")
        Path input;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
                description = "The folder to write; it must not exist or be empty, unless --force.")
        Path output;

        @Option(names = "--force", description = "Replace DIR if it is a Simple Archive already.")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                SafExporter.Summary s = SafExporter.load().export(input, output, force, fsync(spec));
                s.problems().forEach(err::println);
                int failed = s.problems().size();
                if (!common.quiet || failed > 0) {
                    String line = "exported " + s.items() + " of " + (s.items() + failed) + " articles"
                            + (s.items() > 0 ? " to " + output : "") + (failed > 0 ? ", " + failed + " failed" : "");
                    (failed > 0 ? err : out).println(line);
                }
                return failed > 0 ? 1 : 0;
            } catch (IOException e) {
                return failed(e, err, common.debug);
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    /** The options of the parallel-corpus exports. */
    static final class ParallelOptions {
        @Option(names = "--min-cert", paramLabel = "C", defaultValue = "0",
                description = "Leave out links whose @cert is below C, 0 to 1 (default: ${DEFAULT-VALUE}: every link).")
        double minCert;

        @Option(names = "--paragraphs", description = "One unit per paragraph-level link instead of per sentence link.")
        boolean paragraphs;

        ParallelExporter.Options check(CommandSpec spec) {
            if (!(minCert >= 0 && minCert <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--min-cert must be 0 to 1, not " + minCert);
            }
            return new ParallelExporter.Options(paragraphs, minCert);
        }
    }

    /** {@code bitext export tmx OUT -o FILE.tmx}. */
    @Command(name = "tmx", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "A TMX 1.4b translation memory of the aligned sentences, for CAT tools.",
            description = {"Write the sentence links of a run output folder (or of TEI files and folders) as one TMX "
                    + "1.4b document: one tu per link whose two sides have text (n:m links joined), tuv zh-Hans and en, "
                    + "props x-cert, x-article, x-date, x-page and x-beads. Streamed, written atomically, the same "
                    + "bytes every time."})
    static final class Tmx extends ParallelCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tmx", description = "The TMX file.")
        Path output;

        @Override
        ParallelExporter.Summary export(List<Path> files, ParallelExporter.Options o, PrintWriter err)
                throws IOException {
            return ParallelExporter.tmx(files, output, o, err::println);
        }

        @Override
        String what() {
            return "translation units";
        }

        @Override
        Path output() {
            return output;
        }
    }

    /** {@code bitext export pairs OUT -o DIR}. */
    @Command(name = "pairs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            header = "Aligned sentence pairs: DIR/pairs.tsv and the Moses files DIR/corpus.zh-Hans, DIR/corpus.en.",
            description = {"Write the sentence links of a run output folder (or of TEI files and folders) as pairs: "
                    + "DIR/pairs.tsv (a header line, then zh, en, cert, article, date, link; a tab or line break "
                    + "inside a sentence becomes a space) and DIR/corpus.zh-Hans / DIR/corpus.en, line-aligned (Moses). "
                    + "Streamed, written atomically, the same bytes every time."})
    static final class Pairs extends ParallelCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The folder to write.")
        Path output;

        @Override
        ParallelExporter.Summary export(List<Path> files, ParallelExporter.Options o, PrintWriter err)
                throws IOException {
            return ParallelExporter.pairs(files, output, o, err::println);
        }

        @Override
        String what() {
            return "pairs";
        }

        @Override
        Path output() {
            return output;
        }
    }

    /** What the parallel-corpus exports share: their inputs, options, summary and exit codes. */
    abstract static class ParallelCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin CommonOptions common;
        @Mixin ParallelOptions parallel;

        @Parameters(arity = "1..*", paramLabel = "OUT", description = "A run output folder, or TEI files or folders.")
        List<Path> inputs;

        abstract ParallelExporter.Summary export(List<Path> files, ParallelExporter.Options o, PrintWriter err)
                throws IOException;

        abstract String what();

        abstract Path output();

        @Override
        public Integer call() {
            ParallelExporter.Options o = parallel.check(spec);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return parallelSummary(export(AlignedText.teiFiles(inputs), o, err), what(), output(), out, err,
                        common.quiet);
            } catch (IOException e) {
                return failed(e, err, common.debug);
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    private static int parallelSummary(ParallelExporter.Summary s, String what, Path output, PrintWriter out,
                                       PrintWriter err, boolean quiet) {
        int failed = s.refused().size();
        if (!quiet || failed > 0) {
            (failed > 0 ? err : out).println("exported " + s.units() + " " + what + " of " + s.documents() + " of "
                    + (s.documents() + failed) + " documents to " + output + (failed > 0 ? ", " + failed
                    + " documents left out" : ""));
        }
        return failed > 0 ? 1 : 0;
    }

    /** Whether {@code --fsync} (of {@link CommonOptions}) was given. */
    static boolean fsync(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption("--fsync");
    }

    /** An I/O or set-up failure: one line, exit code 2; the stack trace only with --debug. */
    static int failed(IOException e, PrintWriter err, boolean debug) {
        err.println("bitext: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (debug) {
            e.printStackTrace(err);
        }
        return 2;
    }
}
