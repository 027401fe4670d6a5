package org.bitext.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made gold sentence alignment ({@code corpus/gold/NAME.tsv}): one link per line, the Chinese sentence ids,
 * a TAB, the English sentence ids (ids space-separated, either side may be empty); lines starting with {@code #}
 * are comments. Every sentence of the article appears exactly once.
 */
public final class Gold {
    private Gold() {
    }

    /** A gold file that does not fit its article. */
    public static final class GoldError extends Exception {
        public GoldError(String message) {
            super(message);
        }
    }

    /**
     * Reads a gold file and checks it against the article's sentences: every id known, every sentence once, each
     * link on one side of the bilingual divide.
     *
     * @param file    the gold file
     * @param display the file's name in messages
     * @param article the article's sentences: ids by side
     */
    public static List<Link> read(Path file, String display, SentenceAlignment article) throws IOException, GoldError {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Integer> seen = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String where = display + ":" + (n + 1) + ": error: ";
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new GoldError(where + "expected Chinese ids, one TAB, English ids; found "
                        + (tab < 0 ? "no TAB" : "more than one TAB") + ". Separate the two sides with exactly one TAB.");
            }
            List<String> zh = ids(line.substring(0, tab));
            List<String> en = ids(line.substring(tab + 1));
            if (zh.isEmpty() && en.isEmpty()) {
                throw new GoldError(where + "a link with no sentence on either side. Remove the line.");
            }
            for (String id : zh) {
                check(id, true, article, seen, n + 1, where);
            }
            for (String id : en) {
                check(id, false, article, seen, n + 1, where);
            }
            if (zh.isEmpty() || en.isEmpty()) {
                for (String id : zh) { // one unaligned sentence per link, as the TEI's ptr elements
                    links.add(new Link(List.of(id), List.of(), Double.NaN));
                }
                for (String id : en) {
                    links.add(new Link(List.of(), List.of(id), Double.NaN));
                }
            } else {
                links.add(new Link(zh, en, Double.NaN));
            }
        }
        List<String> missing = article.sentences().keySet().stream().filter(id -> !seen.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new GoldError(display + ": error: sentences of the article missing from the gold file: "
                    + String.join(" ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? " ..." : "")
                    + ". Every sentence must be in one link (alone on its side's column if it has no counterpart); "
                    + "if the article's sentences changed, align it again.");
        }
        return links;
    }

    private static void check(String id, boolean chinese, SentenceAlignment article, Map<String, Integer> seen,
                              int line, String where) throws GoldError {
        if (!article.sentences().containsKey(id)) {
            throw new GoldError(where + "\"" + id + "\" is no sentence of the article. Use the xml:id of an s "
                    + "element of the article's TEI (the sentences may have changed since the gold was made).");
        }
        Integer before = seen.put(id, line);
        if (before != null) {
            throw new GoldError(where + "\"" + id + "\" is already aligned on line " + before
                    + ". Each sentence belongs to exactly one link.");
        }
        if (article.chinese().contains(id) != chinese) {
            throw new GoldError(where + "\"" + id + "\" is a " + (chinese ? "English" : "Chinese")
                    + " sentence in the " + (chinese ? "Chinese" : "English") + " column. Chinese ids go before "
                    + "the TAB, English ids after it.");
        }
    }

    private static List<String> ids(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }
}
