package org.bitext.export.oai;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bitext.export.Crosswalks;
import org.bitext.render.RenderException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code bitext serve}'s HTTP server (Jetty 12): the OAI-PMH 2.0 data provider over a converted folder's catalog at
 * {@code /oai} ({@code GET}, {@code HEAD} and {@code POST} with {@code application/x-www-form-urlencoded}; every
 * OAI-PMH response, errors included, is HTTP 200 with {@code text/xml; charset=UTF-8}, as the protocol says), and the
 * folder's HTML site ({@code OUT/html}: the index and every reading view) at {@code /}, with ETag and Last-Modified
 * (conditional GET), gzip, no directory listings and nothing outside {@code OUT/html}. A bounded pool of worker
 * threads, idle timeouts, bounded request headers and bodies; {@link #close} stops gracefully (requests under way
 * finish, for up to five seconds). Start with {@link #start}.
 */
public final class OaiServer implements AutoCloseable {
    /** The path of the protocol's base URL. */
    public static final String PATH = "/oai";
    /** The largest request body read (a POST's arguments). */
    static final int MAX_BODY = 64 * 1024;
    /** The largest request line and headers. */
    static final int MAX_HEADERS = 16 * 1024;
    /** Worker threads at most. */
    static final int MAX_THREADS = 16;

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

    private final Server server;
    private final ServerConnector connector;
    private final URI baseUrl;
    private final Repository repository;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OaiServer(Server server, ServerConnector connector, URI baseUrl, Repository repository) {
        this.server = server;
        this.connector = connector;
        this.baseUrl = baseUrl;
        this.repository = repository;
    }

    /**
     * Opens a converted folder's catalog and starts serving it.
     *
     * @param folder the output folder of {@code bitext run}
     * @param log    receives internal failures, one line each
     * @throws IOException when the folder or its catalog cannot be read or the address cannot be bound
     */
    public static OaiServer start(Path folder, Config config, Consumer<String> log) throws IOException {
        Repository repository = Repository.open(folder);
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
        pool.setName("bitext-serve");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADERS);
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);

        PathMappingsHandler paths = new PathMappingsHandler();
        OaiHandler oai = new OaiHandler(log);
        paths.addMapping(PathSpec.from(PATH), oai);
        org.bitext.search.SearchHandler.addTo(paths, folder, log); // /search and /api/search (OUT/search)
        Path html = folder.resolve("html");
        if (Files.isDirectory(html)) {
            ResourceHandler site = new ResourceHandler();
            site.setBaseResource(ResourceFactory.of(server).newResource(html.toAbsolutePath().normalize()));
            site.setDirAllowed(false);
            site.setWelcomeFiles(List.of("index.html"));
            site.setEtags(true);
            site.setCacheControl("no-cache"); // revalidate with If-None-Match: a new run may change any page
            paths.addMapping(PathSpec.from("/"), site);
        }
        GzipHandler gzip = new GzipHandler(paths);
        gzip.setMinGzipSize(1024);
        gzip.addIncludedMethods("POST");
        ContextHandler context = new ContextHandler(gzip, "/");
        GracefulHandler graceful = new GracefulHandler(context);
        server.setHandler(graceful);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            repository.close();
            try {
                server.stop();
            } catch (Exception ignored) {
                // not started
            }
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        int port = connector.getLocalPort();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        URI base = URI.create(config.baseUrl() != null ? config.baseUrl() : "http://" + host + ":" + port + PATH);
        oai.protocol = new OaiProtocol(repository, Crosswalks.builtin(), new OaiProtocol.Settings(base.toString(),
                config.repositoryName(), config.adminEmails(), config.pageSize()));
        return new OaiServer(server, connector, base, repository);
    }

    /** The base URL harvesters use. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** The articles served. */
    public Repository repository() {
        return repository;
    }

    /** Stops serving: no new requests, those under way finish (for up to five seconds). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        } finally {
            repository.close();
        }
    }

    /** The OAI-PMH endpoint. */
    private static final class OaiHandler extends Handler.Abstract {
        private final Consumer<String> log;
        volatile OaiProtocol protocol;

        OaiHandler(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public boolean handle(Request req, Response resp, Callback cb) {
            try {
                String method = req.getMethod().toUpperCase(Locale.ROOT);
                String query;
                switch (method) {
                    case "GET", "HEAD" -> query = req.getHttpURI().getQuery();
                    case "POST" -> {
                        String type = req.getHeaders().get(HttpHeader.CONTENT_TYPE);
                        if (type == null || !type.toLowerCase(Locale.ROOT).strip()
                                .startsWith("application/x-www-form-urlencoded")) {
                            plain(resp, cb, 415, "POST requests must be application/x-www-form-urlencoded\n");
                            return true;
                        }
                        byte[] body;
                        try (InputStream in = Content.Source.asInputStream(req)) {
                            body = in.readNBytes(MAX_BODY + 1);
                        }
                        if (body.length > MAX_BODY) {
                            plain(resp, cb, 413, "request body larger than " + MAX_BODY + " bytes\n");
                            return true;
                        }
                        query = new String(body, StandardCharsets.ISO_8859_1);
                    }
                    default -> {
                        resp.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
                        plain(resp, cb, 405, "method not allowed: use GET or POST\n");
                        return true;
                    }
                }
                List<Map.Entry<String, String>> args;
                try {
                    args = parse(query);
                } catch (IllegalArgumentException e) {
                    args = null;
                }
                byte[] response = args == null ? protocol.malformed("the arguments are not well-formed "
                        + "application/x-www-form-urlencoded UTF-8 (a stray % or a bad escape)") : protocol.respond(args);
                resp.setStatus(200);
                resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=UTF-8");
                resp.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                resp.write(true, ByteBuffer.wrap(response), cb);
            } catch (RenderException | IOException | RuntimeException e) {
                log.accept("bitext serve: internal error on " + req.getHttpURI().getPathQuery() + ": " + e);
                Response.writeError(req, resp, cb, 500, "internal error");
            }
            return true;
        }

        private static void plain(Response resp, Callback cb, int status, String text) {
            resp.setStatus(status);
            resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
            resp.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), cb);
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
}
