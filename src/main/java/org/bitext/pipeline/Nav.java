package org.bitext.pipeline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reading view of {@code run} links to besides itself: the site's root (for the breadcrumbs archive › year ›
 * month) and the previous and next article by date. Every link is relative, so the folder works from the file
 * system, from {@code serve} and from any static web host. The parameters go to {@code html.xsl}; the key is kept
 * in the catalog, so that a page whose neighbours change is rendered again.
 *
 * @param root     the link from the page to {@code html/} ({@code ../../}), never empty
 * @param previous the link to the previous article's page, or empty at the start
 * @param prevDate its date
 * @param next     the link to the next article's page, or empty at the end
 * @param nextDate its date
 */
public record Nav(String root, String previous, String prevDate, String next, String nextDate) {
    /**
     * The links of a page.
     *
     * @param self     the page's path, relative to the output folder ({@code html/A/B.html})
     * @param previous the previous page's path, or null
     * @param next     the next page's path, or null
     */
    public static Nav of(String self, String previous, String prevDate, String next, String nextDate) {
        List<String> dir = Arrays.asList(self.split("/"));
        dir = dir.subList(0, dir.size() - 1);
        String root = "../".repeat(Math.max(0, dir.size() - 1));
        return new Nav(root.isEmpty() ? "./" : root, previous == null ? "" : href(dir, previous),
                previous == null ? "" : prevDate, next == null ? "" : href(dir, next), next == null ? "" : nextDate);
    }

    /** The stylesheet parameters of {@code html.xsl}. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("nav-root", root);
        p.put("nav-prev", previous);
        p.put("nav-prev-date", prevDate);
        p.put("nav-next", next);
        p.put("nav-next-date", nextDate);
        return p;
    }

    /** What the catalog keeps of it: a change means the page must be rendered again. */
    public String key() {
        return String.join("\t", root, previous, prevDate, next, nextDate);
    }

    /** A relative link from a folder (its segments) to a path (both relative to the output folder). */
    static String href(List<String> fromDir, String to) {
        String[] target = to.split("/");
        int common = 0;
        while (common < fromDir.size() && common < target.length - 1 && fromDir.get(common).equals(target[common])) {
            common++;
        }
        StringBuilder b = new StringBuilder("../".repeat(fromDir.size() - common));
        for (int k = common; k < target.length; k++) {
            if (k > common) {
                b.append('/');
            }
            b.append(URLEncoder.encode(target[k], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }
}
