package org.bitext.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.Xslt30Transformer;

/**
 * Renders TEI with the XSLT 3.0 stylesheets of {@code xslt/} on Saxon-HE. Each stylesheet is compiled once, when
 * the renderer is made, and shared by every thread; a transformation is cheap and {@link #render} is thread-safe.
 * The stylesheets are read from the jar, or from a folder given by the user, so that a librarian can change an
 * output without touching Java.
 */
public final class Renderer {
    private static final String INDEX = "index.xsl";

    private final Map<Format, XsltExecutable> stylesheets = new EnumMap<>(Format.class);
    private final XsltExecutable index;
    private final Map<String, String> defaults;

    private Renderer(Path folder, List<Format> formats, boolean withIndex, Map<String, String> defaults)
            throws IOException {
        for (Format f : formats) {
            stylesheets.put(f, Stylesheets.compile(folder, f.stylesheet()));
        }
        index = withIndex ? Stylesheets.compile(folder, INDEX) : null;
        this.defaults = Map.copyOf(defaults);
    }

    /**
     * Compiles the stylesheets of the given formats (and of the folder index when asked).
     *
     * @param folder the folder holding the stylesheets, or {@code null} for those built into bitext
     */
    public static Renderer load(Path folder, List<Format> formats, boolean withIndex) throws IOException {
        return new Renderer(folder, formats, withIndex, Map.of());
    }

    /**
     * Compiles the stylesheets as {@link #load(Path, List, boolean)}, with stylesheet parameters that every
     * rendering gets unless a call of {@link #render} gives the same parameter, e.g. {@code width=72} for text.
     */
    public static Renderer load(Path folder, List<Format> formats, boolean withIndex, Map<String, String> defaults)
            throws IOException {
        return new Renderer(folder, formats, withIndex, defaults);
    }

    /**
     * Renders a parsed TEI document.
     *
     * @param params stylesheet parameters by name, as text converted to each parameter's declared type, e.g.
     *               {@code lang=zh} or {@code width=0} for text; they override the renderer's defaults
     */
    public byte[] render(XdmNode tei, Format format, Map<String, String> params) throws RenderException {
        XsltExecutable exe = stylesheets.get(format);
        if (exe == null) {
            throw new IllegalArgumentException("format not loaded: " + format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32768);
        try {
            Xslt30Transformer t = exe.load30();
            Map<String, String> all = new java.util.HashMap<>(defaults);
            all.putAll(params);
            Map<QName, XdmValue> p = new java.util.HashMap<>();
            for (Map.Entry<String, String> e : all.entrySet()) {
                // untyped, so that each converts to the parameter's declared type (xs:integer width, ...)
                p.put(new QName(e.getKey()), new XdmAtomicValue(e.getValue(), ItemType.UNTYPED_ATOMIC));
            }
            t.setStylesheetParameters(p);
            Serializer ser = t.newSerializer(out);
            t.applyTemplates(tei, ser);
        } catch (SaxonApiException e) {
            throw new RenderException(format.id() + " rendering failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The index row of one document, made while the document is at hand so that a large folder's documents need not
     * all be held until the index is written.
     *
     * @param href the relative link to the document's HTML page
     */
    public XdmNode indexRow(XdmNode tei, String href) throws RenderException {
        if (index == null) {
            throw new IllegalStateException("the index stylesheet was not loaded");
        }
        try {
            Xslt30Transformer t = index.load30();
            t.setGlobalContextItem(tei);
            t.setInitialTemplateParameters(Map.of(new QName("href"), new XdmAtomicValue(href)), false);
            net.sf.saxon.s9api.XdmDestination row = new net.sf.saxon.s9api.XdmDestination();
            t.callTemplate(new QName("index-row"), row);
            return row.getXdmNode();
        } catch (SaxonApiException e) {
            throw new RenderException("index row failed: " + e.getMessage(), e);
        }
    }

    /** The index page of a folder from rows made by {@link #indexRow}, in the order given. */
    public byte[] index(List<XdmNode> rows) throws RenderException {
        if (index == null) {
            throw new IllegalStateException("the index stylesheet was not loaded");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32768);
        try {
            Xslt30Transformer t = index.load30();
            List<XdmItem> elements = new ArrayList<>();
            for (XdmNode r : rows) {
                r.children().forEach(c -> {
                    if (c.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                        elements.add(c);
                    }
                });
            }
            t.setStylesheetParameters(Map.of(new QName("rows"), new XdmValue(elements)));
            t.callTemplate(new QName("index"), t.newSerializer(out));
        } catch (SaxonApiException e) {
            throw new RenderException("index rendering failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
