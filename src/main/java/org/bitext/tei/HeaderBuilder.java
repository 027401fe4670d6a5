package org.bitext.tei;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.bitext.Bitext;
import org.bitext.read.Article;
import org.bitext.read.Block;
import org.bitext.read.Layout;
import org.bitext.read.Metadata;
import org.bitext.tei.header.Tei;

/** Builds the TEI header of an article (DESIGN §3): titles, authors, the source, languages, the encoder. */
final class HeaderBuilder {
    static final String ZH = "zh-Hans";
    static final String EN = "en";

    private HeaderBuilder() {
    }

    static Tei.Header build(Article a, String sourceFileName) {
        Metadata m = a.meta();
        Tei.Header h = new Tei.Header();
        Tei.TitleStmt ts = h.fileDesc.titleStmt;
        addTitles(ts.titles, a.chinese(), m.titleZh(), ZH);
        addTitles(ts.titles, a.english(), m.titleEn(), EN);
        ts.authors.addAll(authors(m));

        h.fileDesc.publicationStmt.paragraphs.add("Unpublished TEI P5 encoding made by bitext from the transcription file "
                + sourceFileName + ".");

        Tei.Bibl b = h.fileDesc.sourceDesc.bibl;
        String rend = a.layout().stream().sorted().map(Layout::token).collect(Collectors.joining(" "));
        b.rend = rend.isEmpty() ? null : rend;
        b.parts.add(new Tei.BiblTitle("a", EN, m.titleEn()));
        b.parts.add(new Tei.BiblTitle("a", ZH, m.titleZh()));
        if (!m.authorEn().isEmpty()) {
            b.parts.add(new Tei.BiblAuthor(EN, m.authorEn()));
        }
        if (!m.authorZh().isEmpty()) {
            b.parts.add(new Tei.BiblAuthor(ZH, m.authorZh()));
        }
        b.parts.add(new Tei.BiblTitle("j", ZH, "人民日报"));
        b.parts.add(new Tei.BiblTitle("j", EN, "People's Daily"));
        b.parts.add(new Tei.Date(m.date().toString(), m.date().toString()));
        if (!m.pageEn().isEmpty()) {
            b.parts.add(new Tei.BiblScope("page", m.pageEn(), EN, m.pageLabelEn() + " " + m.pageEn()));
        }
        if (!m.pageZh().isEmpty()) {
            b.parts.add(new Tei.BiblScope("page", m.pageNumberZh(), ZH, m.pageZh()));
        }
        if (!m.sectionZh().isEmpty()) {
            b.parts.add(new Tei.Note("section", ZH, m.sectionZh()));
        }
        if (!m.columnZh().isEmpty()) {
            b.parts.add(new Tei.Note("column", ZH, m.columnZh()));
        }
        m.columnEn().ifPresent(c -> b.parts.add(new Tei.Note("column", EN, c)));
        // header lines whose value could not be read, kept as they are for the source rendering
        m.verbatim().forEach((slot, line) -> b.parts.add(new Tei.Note("verbatim", slot,
                slot.startsWith("zh-") ? ZH : EN, line)));

        Tei.Application app = h.encodingDesc.appInfo.application;
        app.id = "bitext";
        app.ident = "bitext";
        app.version = Bitext.version();
        app.label = "bitext";

        h.profileDesc.langUsage.languages.add(new Tei.Language(ZH, "Chinese (Simplified)"));
        h.profileDesc.langUsage.languages.add(new Tei.Language(EN, "English"));

        h.revisionDesc.changes.add(new Tei.Change("#bitext",
                "Encoded from the bilingual transcription file by bitext " + Bitext.version() + "."));
        return h;
    }

    /** The side's title lines as main and sub titles when the body repeats the title over several lines. */
    private static void addTitles(List<Tei.Phrase> out, List<Block> side, String headerTitle, String lang) {
        List<Block> heads = side.stream().filter(b -> b.kind() == Block.Kind.HEAD).toList();
        if (heads.size() < 2 && headerTitle.isEmpty() && lang.equals(EN)) {
            return; // no English title line: the Chinese title alone
        }
        if (heads.size() < 2) {
            out.add(new Tei.Phrase("main", null, lang, headerTitle));
            return;
        }
        out.add(new Tei.Phrase("main", null, lang, heads.get(0).text()));
        for (Block sub : heads.subList(1, heads.size())) {
            out.add(new Tei.Phrase("sub", null, lang, sub.text()));
        }
    }

    /** One author per person: Chinese names split at ideographic spaces, English at commas; paired when counts match. */
    private static List<Tei.Author> authors(Metadata m) {
        List<String> zh = split(m.authorZh(), "[\u3000\\s]+");
        List<String> en = split(m.authorEn(), "\\s*[,，]\\s*");
        List<Tei.Author> out = new ArrayList<>();
        if (zh.size() == en.size()) {
            for (int i = 0; i < zh.size(); i++) {
                Tei.Author au = new Tei.Author();
                au.names.add(new Tei.Phrase(null, null, ZH, zh.get(i)));
                au.names.add(new Tei.Phrase(null, null, EN, en.get(i)));
                out.add(au);
            }
            return out;
        }
        for (String name : zh) {
            Tei.Author au = new Tei.Author();
            au.names.add(new Tei.Phrase(null, null, ZH, name));
            out.add(au);
        }
        for (String name : en) {
            Tei.Author au = new Tei.Author();
            au.names.add(new Tei.Phrase(null, null, EN, name));
            out.add(au);
        }
        return out;
    }

    private static List<String> split(String s, String regex) {
        if (s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.strip().split(regex)).filter(x -> !x.isEmpty()).toList();
    }
}
