package org.bitext.export.oai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bitext.export.Crosswalks;
import org.bitext.render.RenderException;

/**
 * An OAI-PMH 2.0 data provider over a converted folder, on the JDK's HTTP server: {@code GET} and {@code POST}
 * ({@code application/x-www-form-urlencoded}) at {@code /oai}. Every OAI-PMH response, errors included, is HTTP 200
 * with {@code text/xml; charset=UTF-8}, as the protocol says. Start with {@link #start}, stop with {@link #close}.
 */
public final class OaiServer implements AutoCloseable {
    /** The path of the protocol's base URL. */
    public static final String PATH = "/oai";
    /** The largest request body read (a POST's arguments). */
    static final int MAX_BODY = 64 * 1024;

    /**
     * How to serve.
     *
     * @param host           the address to bind (127.0.0.1 unless told otherwise)
     * @param port           the port; 0 picks a free one
     * @param pageSize       items per list response
     * @param adminEmails    Identify's adminEmail addresses
     * @param repositoryName Identify's repositoryName
     * @param baseUrl        the base URL to announce (behind a proxy); null for {@code http://HOST:PORT/oai}
     */
    public record Config(String host, int port, int pageSize, List<String> adminEmails, String repositoryName,
            String baseUrl) {
        public Config {
            adminEmails = List.copyOf(adminEmails);
        }

        /** The defaults: 127.0.0.1, a free port, 100 items per page. */
        public static Config defaults() {
            return new Config("127.0.0.1", 0, 100, List.of(DEFAULT_ADMIN_EMAIL), DEFAULT_NAME, null);
        }

        public Config withPort(int p) {
            return new Config(host, p, pageSize, adminEmails, repositoryName, baseUrl);
        }

        public Config withPageSize(int n) {
            return new Config(host, port, n, adminEmails, repositoryName, baseUrl);
        }
    }

    /** The adminEmail when none is given (example.org is reserved for examples: set a real one). */
    public static final String DEFAULT_ADMIN_EMAIL = "admin@example.org";
    /** The repositoryName when none is given. */
    public static final String DEFAULT_NAME = "bitext: People's Daily articles, Chinese and English, in TEI P5";

    private final HttpServer http;
    private final ExecutorService workers;
    private final URI baseUrl;
    private final Repository repository;
    private final OaiProtocol protocol;
    private final Consumer<String> log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OaiServer(HttpServer http, ExecutorService workers, URI baseUrl, Repository repository,
            OaiProtocol protocol, Consumer<String> log) {
        this.http = http;
        this.workers = workers;
        this.baseUrl = baseUrl;
        this.repository = repository;
        this.protocol = protocol;
        this.log = log;
    }

    /**
     * Loads a converted folder and starts serving it.
     *
     * @param folder   the output folder of {@code bitext run}
     * @param log      receives warnings (files left out) and internal failures, one line each
     * @throws IOException when the folder cannot be read or the address cannot be bound
     */
    public static OaiServer start(Path folder, Config config, Consumer<String> log) throws IOException {
        Repository repository = Repository.load(folder, log);
        Crosswalks crosswalks = Crosswalks.builtin();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.host()), config.port());
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        int port = http.getAddress().getPort();
        String host = http.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        URI base = URI.create(config.baseUrl() != null ? config.baseUrl() : "http://" + host + ":" + port + PATH);
        OaiProtocol protocol = new OaiProtocol(repository, crosswalks, new OaiProtocol.Settings(base.toString(),
                config.repositoryName(), config.adminEmails(), config.pageSize()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "bitext-oai-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        OaiServer server = new OaiServer(http, workers, base, repository, protocol, log);
        http.createContext("/", server::handle);
        http.setExecutor(workers);
        http.start();
        return server;
    }

    /** The base URL harvesters use. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The articles served. */
    public Repository repository() {
        return repository;
    }

    /** Stops serving at once (a harvester retries a request cut short). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (!PATH.equals(path)) {
                plain(ex, 404, "Not found. The OAI-PMH base URL is " + PATH + ", e.g. " + PATH + "?verb=Identify\n");
                return;
            }
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String query;
            switch (method) {
                case "GET", "HEAD" -> query = ex.getRequestURI().getRawQuery();
                case "POST" -> {
                    String type = ex.getRequestHeaders().getFirst("Content-Type");
                    if (type == null || !type.toLowerCase(Locale.ROOT).strip()
                            .startsWith("application/x-www-form-urlencoded")) {
                        plain(ex, 415, "POST requests must be application/x-www-form-urlencoded\n");
                        return;
                    }
                    byte[] body = readBody(ex.getRequestBody());
                    if (body == null) {
                        plain(ex, 413, "request body larger than " + MAX_BODY + " bytes\n");
                        return;
                    }
                    query = new String(body, StandardCharsets.ISO_8859_1);
                }
                default -> {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                    plain(ex, 405, "method not allowed: use GET or POST\n");
                    return;
                }
            }
            byte[] response;
            List<Map.Entry<String, String>> args;
            try {
                args = parse(query);
            } catch (IllegalArgumentException e) {
                args = null;
            }
            response = args == null ? protocol.malformed("the arguments are not well-formed "
                    + "application/x-www-form-urlencoded UTF-8 (a stray % or a bad escape)") : protocol.respond(args);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            if (method.equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
            } else {
                ex.sendResponseHeaders(200, response.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(response);
                }
            }
        } catch (RenderException | RuntimeException e) {
            log.accept("bitext serve: internal error on " + ex.getRequestURI() + ": " + e);
            try {
                plain(ex, 500, "internal error: " + e.getMessage() + "\n");
            } catch (IOException | RuntimeException again) {
                // the response was already under way: nothing more to say
            }
        } finally {
            ex.close();
        }
    }

    /**
     * The arguments of a query string or form body, in order: {@code name=value} pairs separated by {@code &},
     * percent-decoded as UTF-8, {@code +} as space. An empty piece is skipped; a name without {@code =} has the
     * value {@code ""}.
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    static List<Map.Entry<String, String>> parse(String query) {
        List<Map.Entry<String, String>> args = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return args;
        }
        for (String piece : query.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            args.add(new AbstractMap.SimpleImmutableEntry<>(decode(name), decode(value)));
        }
        return args;
    }

    /** Percent-decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD, which matches no name or value). */
    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        if (ex.getRequestMethod().equalsIgnoreCase("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
