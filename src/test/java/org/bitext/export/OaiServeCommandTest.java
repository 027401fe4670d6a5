package org.bitext.export;

import static org.bitext.export.CrosswalkFixtures.parse;
import static org.bitext.export.CrosswalkFixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.cli.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bitext serve} through picocli: starts, prints its base URL, answers, stops. */
class OaiServeCommandTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesUntilStopped() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        ServeCommand command = new ServeCommand();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = exec.submit(() -> cl.execute(out.toString(), "--port", "0", "--page-size", "3",
                    "--admin-email", "archive@example.net", "--repository-name", "Test archive"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stdout.toString().contains("\n") && System.nanoTime() < deadline && !exit.isDone()) {
                Thread.sleep(10);
            }
            String base = stdout.toString().strip();
            assertTrue(base.matches("http://127\\.0\\.0\\.1:\\d+/oai"), "stdout: " + base + "\nstderr: " + stderr);
            assertTrue(stderr.toString().contains("serving the 12 records of"), stderr.toString());

            XdmNode identify = get(base + "?verb=Identify");
            assertEquals(base, string(identify, "//oai:baseURL"));
            assertEquals("archive@example.net", string(identify, "//oai:adminEmail"));
            assertEquals("Test archive", string(identify, "//oai:repositoryName"));
            XdmNode list = get(base + "?verb=ListIdentifiers&metadataPrefix=oai_dc");
            assertEquals(3, CrosswalkFixtures.xpath(list, "//oai:header").size(), "--page-size 3");
            assertFalse(string(list, "//oai:resumptionToken").isEmpty(), "more pages follow");

            command.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            assertThrows(ConnectException.class, () -> HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "?verb=Identify")).GET().build(), HttpResponse.BodyHandlers.discarding()));
        } finally {
            command.stop();
            exec.shutdownNow();
        }
    }

    @Test
    void refusesBadOptionsAndFolders() {
        Path out = CrosswalkFixtures.runOutput();
        assertEquals(2, quiet(new CommandLine(new ServeCommand())).execute(out.toString(), "--page-size", "0"));
        assertEquals(2, quiet(new CommandLine(new ServeCommand())).execute(out.toString(), "--port", "70000"));
        assertEquals(2, quiet(new CommandLine(new ServeCommand())).execute(out.toString(), "--admin-email", "nobody"));
        assertEquals(2, quiet(new CommandLine(new ServeCommand())).execute());
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServeCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        assertNotEquals(0, cl.execute(out.resolve("no-such-folder").toString(), "--port", "0"));
        assertTrue(err.toString().contains("not a folder"), err.toString());
    }

    private static CommandLine quiet(CommandLine cl) {
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl;
    }

    private static XdmNode get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return parse(r.body());
    }
}
