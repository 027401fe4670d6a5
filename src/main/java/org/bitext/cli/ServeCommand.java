package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bitext.export.oai.OaiServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bitext serve}: an OAI-PMH 2.0 data provider over a converted folder. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serve a converted folder (the OUT of `bitext run`, from its catalog.sqlite) to harvesters over "
                + "OAI-PMH 2.0 at /oai, in the formats oai_dc, tei and mets, and its HTML site at /. Prints the base "
                + "URL (http://127.0.0.1:PORT/oai) on standard output when ready; stops on Ctrl-C or SIGTERM."})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "OUT", description = "The output folder of `bitext run` (its "
            + "catalog.sqlite, tei/ and html/).")
    Path folder;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}, "
            + "this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--page-size", paramLabel = "N", description = "Records, identifiers or sets per response; "
            + "longer lists continue with a resumptionToken (default: ${DEFAULT-VALUE}).")
    int pageSize = 100;

    @Option(names = "--admin-email", paramLabel = "ADDRESS", description = "Identify's adminEmail; repeat for several "
            + "(default: " + OaiServer.DEFAULT_ADMIN_EMAIL + ").")
    List<String> adminEmails;

    @Option(names = "--repository-name", paramLabel = "NAME", description = "Identify's repositoryName.")
    String repositoryName = OaiServer.DEFAULT_NAME;

    @Option(names = "--base-url", paramLabel = "URL", description = "The base URL to announce, when harvesters reach "
            + "the server through a proxy (default: http://HOST:PORT/oai).")
    String baseUrl;

    @Option(names = {"-q", "--quiet"}, description = "Print only the base URL and errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of internal failures.")
    boolean debug;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile OaiServer server;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "--port must be 0 to 65535, not " + port);
        }
        if (pageSize < 1) {
            throw new CommandLine.ParameterException(cl, "--page-size must be at least 1, not " + pageSize);
        }
        List<String> emails = adminEmails == null || adminEmails.isEmpty()
                ? List.of(OaiServer.DEFAULT_ADMIN_EMAIL) : adminEmails;
        for (String e : emails) {
            if (!e.matches("\\S+@(\\S+\\.)+\\S+")) {
                throw new CommandLine.ParameterException(cl, "--admin-email \"" + e + "\" is not an e-mail address");
            }
        }
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw new CommandLine.ParameterException(cl, "--base-url must be an http or https URL, not " + baseUrl);
        }
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        OaiServer.Config config = new OaiServer.Config(host, port, pageSize, emails, repositoryName, baseUrl);
        server = OaiServer.start(folder, config, line -> {
            err.println(line);
            err.flush();
        });
        Thread hook = new Thread(this::stop, "bitext-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!quiet) {
            err.println("serving the " + server.repository().size() + " records of " + folder + "/catalog.sqlite over "
                    + "OAI-PMH at " + server.baseUrl() + " and its HTML site at /; Ctrl-C stops");
            err.flush();
        }
        out.println(server.baseUrl());
        out.flush();
        stopped.await();
        server.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
        return 0;
    }

    /** Stops the server (as Ctrl-C and SIGTERM do) and lets {@link #call} return 0. */
    public void stop() {
        OaiServer s = server;
        if (s != null) {
            s.close();
        }
        stopped.countDown();
    }

    /** The running server, or null before it has started. */
    public OaiServer server() {
        return server;
    }
}
