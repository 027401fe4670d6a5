package org.bitext.cli;

import org.bitext.Bitext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bitext} command: subcommands for each stage and one that runs them all. */
@Command(name = "bitext", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Bilingual newspaper articles to aligned TEI P5, validated and rendered.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some input was refused or some document is invalid",
                "2:usage error, or a file or folder could not be read or written"})
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(ConvertCommand.class,
            ValidateCommand.class, RenderCommand.class, RunCommand.class, ExportCommand.class, VerifyCommand.class,
            ServeCommand.class, IndexCommand.class, AlignReportCommand.class, AlignEvalCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.bitext.batch.Jit.allow(); // this process is bitext's: a batch may choose the JIT (not so for execute)
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams and returns the exit code. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reads the annotations of every subcommand it is given, a tenth of a second at start: when the first
        // argument names a command, that command alone is enough
        String first = args.length > 0 ? args[0] : "";
        java.util.List<Class<?>> named = COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> c : named.isEmpty() || first.equals("help") ? COMMANDS : named) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Failures());
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: convert, validate, render, run, export, verify, serve or index");
    }

    /** Prints the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bitext " + Bitext.version() + " (build " + Bitext.build() + ")"};
        }
    }

    /** I/O and set-up failures become one clear line and exit code 2; a stack trace only with --debug. */
    static final class Failures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            boolean debug = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                debug |= p.hasMatchedOption("--debug");
            }
            cl.getErr().println("bitext: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (debug) {
                e.printStackTrace(cl.getErr());
            } else if (!(e instanceof java.io.IOException)) {
                cl.getErr().println("bitext: this looks like a bug; run again with --debug and report the output");
            }
            return 2;
        }
    }
}
