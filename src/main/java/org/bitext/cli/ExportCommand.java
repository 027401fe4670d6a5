package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        header = "Package a run output folder: a BagIt bag, or a DSpace Simple Archive.",
        description = {"Package a run output folder (from `bitext run IN -o OUT`) for a repository: a BagIt bag "
                + "(bagit) or a DSpace Simple Archive Format folder (saf)."},
        subcommands = {ExportCommand.Bagit.class, ExportCommand.Saf.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some article could not be exported (saf)",
                "2:usage error, or a file or folder could not be read or written"})
public final class ExportCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an export format is required: bagit or saf");
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
