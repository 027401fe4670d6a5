package org.bitext.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
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
            t.setStylesheetParameters(typed(all));
            Serializer ser = t.newSerializer(out);
            t.applyTemplates(tei, ser);
        } catch (SaxonApiException e) {
            throw new RenderException(format.id() + " rendering failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * A page of the site's index ({@code index.xsl}): {@code archive} (the years), {@code year} (its months) or
     * {@code month} (a page of its articles).
     *
     * @param template the named template of {@code index.xsl}
     * @param params   its stylesheet parameters, as text converted to their declared types
     * @param data     the years, months or articles to list, as the parameter {@code site-data}
     */
    public byte[] sitePage(String template, Map<String, String> params, XdmNode data) throws RenderException {
        if (index == null) {
            throw new IllegalStateException("the index stylesheet was not loaded");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32768);
        try {
            Xslt30Transformer t = index.load30();
            Map<QName, XdmValue> p = typed(params);
            p.put(new QName("site-data"), data);
            t.setStylesheetParameters(p);
            t.callTemplate(new QName(template), t.newSerializer(out));
        } catch (SaxonApiException e) {
            throw new RenderException("index page " + template + " failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Parameters given as text, untyped, so that each converts to the parameter's declared type (xs:integer width…). */
    private static Map<QName, XdmValue> typed(Map<String, String> params) throws SaxonApiException {
        Map<QName, XdmValue> p = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            p.put(new QName(e.getKey()), new XdmAtomicValue(e.getValue(), ItemType.UNTYPED_ATOMIC));
        }
        return p;
    }
}
