package org.bitext.validate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bitext.validate.RuleDoc.Elem;
import static org.bitext.validate.RuleDoc.*;
import net.sf.saxon.lib.ConversionRules;
import net.sf.saxon.str.StringView;
import net.sf.saxon.type.ValidationFailure;
import net.sf.saxon.value.DateValue;

/**
 * The rules of {@code bitext.sch}, checked in Java in one pass over a compact record of the document
 * ({@link RuleDoc}, collected from the same parse that Jing reads: no Saxon tree is built for them).
 *
 * <p>{@code bitext.sch} stays the declarative statement of the rules, and SchXslt on Saxon remains their reference
 * implementation ({@link TeiValidator#builtinReference()}); this class gives the same findings, in the same order and
 * with the same messages, several times faster, which is what lets validation keep up with the archive. Each
 * method below names the pattern and rule it implements and follows its XPath expression by expression; a test runs
 * both on the corpus, the invalid samples, foreign TEI and thousands of mutated documents and requires identical
 * findings, so a change to {@code bitext.sch} that is not made here too fails the build.
 *
 * <p>Findings are grouped by pattern in the schema's order and, within a pattern, in document order, as SchXslt
 * reports them; the text of each is the assert's, whitespace-normalized as {@link TeiValidator} reads SVRL.
 */
final class BitextRules {
    private static final int PATTERNS = 9;
    private static final int POINTERS = 0, IDS = 1, UNIT_ALIGNED = 2, TARGET_IS_UNIT = 3, LINK = 4, SENTENCES = 5,
            LANG = 6, DATES = 7, SIDES = 8;

    /** A failed assert or successful report: its context element, the assert's id and its message. */
    record Finding(Elem node, String id, String message) {
    }

    private BitextRules() {
    }

    /** The findings of every rule on a document collected by {@link RuleDoc}; empty when it satisfies them all. */
    static List<Finding> check(RuleDoc doc) {
        return new Run(doc).check();
    }

    /** One document's keys (the schema's xsl:key indexes) and findings. */
    private static final class Run {
        final RuleDoc doc;
        final Elem root;
        /**
         * key('bitext-id'): the first element with each xml:id value (the rules only ever take [1]), under "#" and
         * the value, the form in which pointers look it up.
         */
        final Map<String, Elem> refs = new HashMap<>();
        /** The elements (by their place in {@code doc.elements}) whose xml:id an earlier element already has. */
        final BitSet duplicates = new BitSet();
        /** tokenize(normalize-space(@target), ' ') of each TEI link and ptr, by its place in {@code doc.elements}. */
        final List<List<String>> targets = new ArrayList<>();
        /** How often each token occurs in the @target of the paragraph and the sentence linkGrp's members. */
        final Map<String, int[]> unitHits = new HashMap<>();
        final Map<String, int[]> sentenceHits = new HashMap<>();
        /** key('bitext-target'): the link/ptr holding each token, in order. */
        final Map<String, List<Elem>> unitHolders = new HashMap<>();
        @SuppressWarnings("unchecked")
        final List<Finding>[] found = new List[PATTERNS];

        Run(RuleDoc doc) {
            this.doc = doc;
            this.root = doc.document;
            for (int i = 0; i < PATTERNS; i++) {
                found[i] = new ArrayList<>(0);
            }
        }

        List<Finding> check() {
            index();
            Set<String> declared = new HashSet<>();
            List<String> declaredInOrder = new ArrayList<>();
            for (Elem language : path(root, E_TEI, E_teiHeader, E_profileDesc, E_langUsage, E_language)) {
                String ident = language.att(A_ident);
                if (ident != null) {
                    declared.add(ident);
                    declaredInOrder.add(ident);
                }
            }
            Set<String> apps = new HashSet<>();
            for (Elem app : path(root, E_TEI, E_teiHeader, E_encodingDesc, E_appInfo, E_application)) {
                String ident = app.att(A_ident);
                if (ident != null) {
                    apps.add(ident);
                }
            }
            boolean sentenceGroup = false;
            for (Elem grp : path(root, E_TEI, E_standOff, E_linkGrp)) {
                sentenceGroup |= "translation".equals(grp.att(A_type))
                        && "sentence".equals(grp.att(A_subtype));
            }
            Set<String> langsSeen = new HashSet<>();
            for (int i = 0; i < doc.elements.size(); i++) {
                Elem e = doc.elements.get(i);
                List<String> targetTokens = targets.get(i);
                int name = e.name;
                String id = e.att(A_id);
                boolean unit = id != null && e.unitShape;
                boolean unitLink = isGroupMember(e, name, false);
                boolean sentenceLink = isGroupMember(e, name, true);
                if (name == E_link || name == E_ptr || name == E_linkGrp) {
                    pointerResolves(e, targetTokens);
                } else if (name == E_change && e.att(A_who) != null) {
                    whoResolves(e, apps);
                }
                if (duplicates.get(i)) {
                    idUnique(e, id);
                }
                if (unit) {
                    unitAligned(e, id);
                }
                if (unitLink) {
                    targetIsUnit(e, targetTokens);
                }
                if (name == E_link && is(e.parent, E_linkGrp)
                        && "translation".equals(e.parent.att(A_type))) {
                    link(e, targetTokens);
                }
                if (unit) {
                    sentencesCover(e, id);
                } else if (name == E_s && id != null) {
                    sentenceAligned(e, id, sentenceGroup);
                } else if (sentenceLink) {
                    sentenceLink(e, name, targetTokens);
                }
                String lang = e.att(A_lang);
                if (lang != null) {
                    if (!declared.contains(lang) && !langsSeen.contains(lang)) {
                        add(LANG, e, "lang-declared", e.qName + ": xml:lang=\"" + lang
                                + "\" (first used here) is not declared in teiHeader/profileDesc/langUsage, which declares "
                                + (declaredInOrder.isEmpty() ? "nothing" : String.join(", ", declaredInOrder))
                                + ". Add <language ident=\"" + lang + "\"> to langUsage, or correct the value.");
                    }
                    langsSeen.add(lang);
                }
                if (name == E_date && is(e.parent, E_bibl)
                        && is(e.parent.parent, E_sourceDesc)) {
                    date(e);
                }
                if (name == E_body && is(e.parent, E_text)) {
                    sidesPresent(e);
                }
            }
            List<Finding> all = new ArrayList<>();
            for (List<Finding> f : found) {
                all.addAll(f);
            }
            return all;
        }

        /** Builds the keys (ids, the paragraph linkGrp's holders and both groups' hit counts) and splits the targets. */
        private void index() {
            for (Elem e : doc.elements) {
                String id = e.att(A_id);
                if (id != null && refs.putIfAbsent("#" + id, e) != null) {
                    duplicates.set(e.index);
                }
                int name = e.name;
                List<String> tokens = name == E_link || name == E_ptr ? tokens(e.att(A_target)) : null;
                targets.add(tokens);
                if (isGroupMember(e, name, false)) {
                    hold(unitHolders, unitHits, e, tokens);
                } else if (isGroupMember(e, name, true)) {
                    hold(null, sentenceHits, e, tokens);
                }
            }
        }

        private void hold(Map<String, List<Elem>> holders, Map<String, int[]> hits, Elem e,
                          List<String> tokens) {
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                hits.computeIfAbsent(t, k -> new int[1])[0]++;
                if (holders != null && tokens.indexOf(t) == i) { // a holder is listed once under each of its tokens
                    holders.computeIfAbsent(t, k -> new ArrayList<>(1)).add(e);
                }
            }
        }

        private void add(int pattern, Elem node, String id, String message) {
            found[pattern].add(new Finding(node, id, normalizeSpace(message)));
        }

        /** key('bitext-id', $value)[1] */
        private Elem id(String value) {
            return refs.get("#" + value);
        }

        /** key('bitext-id', substring($token, 2))[1] */
        private Elem ref(String token) {
            return token.startsWith("#") ? refs.get(token) : id(afterFirst(token));
        }

        /** count(for $h in key(...) return tokenize(normalize-space($h/@target), ' ')[. = $ref]) */
        private static int hits(Map<String, int[]> hits, String ref) {
            int[] n = hits.get(ref);
            return n == null ? 0 : n[0];
        }

        // pattern-pointers, rule-pointer-resolves
        private void pointerResolves(Elem e, List<String> targetTokens) {
            String domains = e.att(A_domains);
            List<String> pointers = targetTokens;
            if (pointers == null || domains != null) {
                String target = e.att(A_target);
                pointers = tokens(target == null ? domains == null ? "" : domains
                        : domains == null ? target : target + " " + domains);
            }
            List<String> dangling = null;
            for (String p : pointers) {
                if (p.startsWith("#") && refs.get(p) == null) {
                    if (dangling == null) {
                        dangling = new ArrayList<>();
                    }
                    dangling.add(p);
                }
            }
            if (dangling != null) {
                List<String> names = new ArrayList<>();
                for (String d : dangling) {
                    names.add(afterFirst(d));
                }
                add(POINTERS, e, "pointer-resolves", e.qName + ": pointer(s) " + String.join(" ", dangling)
                        + " in @" + (domains != null ? "domains" : "target")
                        + " do not resolve: no element of this document has xml:id=\"" + String.join("\", \"", names)
                        + "\". Point only at existing xml:ids ('#' + id), or fix the id of the element meant.");
            }
        }

        // pattern-pointers, rule-who-resolves
        private void whoResolves(Elem e, Set<String> apps) {
            List<String> dangling = new ArrayList<>();
            for (String w : tokens(e.att(A_who))) {
                if (w.startsWith("#") && !apps.contains(afterFirst(w)) && id(afterFirst(w)) == null) {
                    dangling.add(w);
                }
            }
            if (!dangling.isEmpty()) {
                add(POINTERS, e, "who-resolves", "change/@who: " + String.join(" ", dangling)
                        + " names neither an xml:id of this document nor an appInfo/application/@ident. Use \"#\" + the"
                        + " @ident of the converter's application element (e.g. who=\"#bitext\"), or the xml:id of a"
                        + " responsible agent.");
            }
        }

        // pattern-ids, rule-id-unique
        private void idUnique(Elem e, String id) {
            add(IDS, e, "id-unique", e.qName + ": xml:id=\"" + id + "\" is already used by an earlier "
                    + id(id).local + " element. Every xml:id must be unique: give this element a new id (and"
                    + " update the pointers meant for it).");
        }

        // pattern-unit-aligned, rule-unit-aligned
        private void unitAligned(Elem e, String id) {
            String ref = "#" + id;
            Elem div = is(e.parent, E_div) ? e.parent : e.parent.parent;
            String side = "original".equals(div.att(A_type)) ? "original (zh-Hans)"
                    : "translation (en)";
            List<Elem> holders = unitHolders.getOrDefault(ref, List.of());
            int hits = hits(unitHits, ref);
            if (hits < 1) {
                add(UNIT_ALIGNED, e, "unit-aligned", e.qName + " xml:id=\"" + id + "\" of the " + side
                        + " side is not aligned: no link or ptr in standOff/linkGrp[@type='translation']"
                        + "[@subtype='paragraph'] targets \"" + ref + "\". Add it to the link of its counterpart, or"
                        + " record it as unaligned with <ptr type=\"unaligned\" target=\"" + ref + "\"/>.");
            }
            if (hits > 1) {
                List<String> by = new ArrayList<>();
                for (Elem h : holders) {
                    by.add(h.local + "[@target=\"" + attr(h, A_target) + "\"]");
                }
                add(UNIT_ALIGNED, e, "unit-aligned-once", e.qName + " xml:id=\"" + id + "\" of the " + side
                        + " side is aligned " + hits + " times (by " + String.join(", ", by) + "). Each unit belongs"
                        + " to exactly one link or one ptr[@type='unaligned']: remove the extra references.");
            }
        }

        // pattern-target-is-unit, rule-target-is-unit
        private void targetIsUnit(Elem e, List<String> targetTokens) {
            List<String> wrong = new ArrayList<>(0);
            for (String t : targetTokens) {
                if (t.startsWith("#")) {
                    Elem k = refs.get(t);
                    if (k != null && !k.unitShape) {
                        wrong.add(t + " (" + k.local + ")");
                    }
                }
            }
            if (!wrong.isEmpty()) {
                add(TARGET_IS_UNIT, e, "target-is-unit", e.qName + ": target(s) " + String.join(", ", wrong)
                        + " are not alignment units. Alignment targets must be head, byline or p children of"
                        + " div[@type='original'] or div[@type='translation'], or items of a list[@type='bulleted']"
                        + " there; point at those lines instead.");
            }
        }

        // pattern-link, rule-link
        private void link(Elem e, List<String> targetTokens) {
            List<String> sides = new ArrayList<>(targetTokens.size());
            for (String t : targetTokens) {
                Elem u = ref(t);
                if (u == null) {
                    sides.add("-");
                    continue;
                }
                Elem d = u;
                for (Elem a = u.parent; a != null; a = a.parent) {
                    if (is(a, E_div) && isSideType(a.att(A_type))) {
                        d = a;
                        break;
                    }
                }
                String type = is(d, E_div) ? d.att(A_type) : null;
                sides.add("original".equals(type) ? "zh" : "translation".equals(type) ? "en" : "-");
            }
            boolean dash = sides.contains("-");
            String target = attr(e, A_target);
            if (!(dash || (sides.contains("zh") && sides.contains("en")))) {
                add(LINK, e, "link-bilingual", "link target=\"" + target + "\" does not pair the two languages: it has "
                        + count(sides, "zh") + " Chinese (original) and " + count(sides, "en") + " English (translation)"
                        + " target(s). A link needs at least one unit or sentence of each side; merge it with its"
                        + " counterpart's link, or replace it by ptr[@type='unaligned'] elements.");
            }
            boolean enBeforeZh = false;
            for (int i = 0; i + 1 < sides.size(); i++) {
                enBeforeZh |= sides.get(i).equals("en") && sides.get(i + 1).equals("zh");
            }
            if (!(dash || !enBeforeZh)) {
                add(LINK, e, "link-order", "link target=\"" + target + "\": a Chinese (original) target follows an"
                        + " English (translation) one. List the zh targets first, then the en targets.");
            }
        }

        // pattern-sentences, rule-sentences-cover
        private void sentencesCover(Elem e, String id) {
            Object loose = e.loose;
            boolean hasS = e.hasS;
            if (!(loose == null && (hasS || normalizeSpace(doc.stringValue(e)).isEmpty()))) {
                add(SENTENCES, e, "sentences-cover", e.qName + " xml:id=\"" + id + "\": "
                        + (!hasS ? "its text is not in any s element"
                                : "\"" + firstCodePoints(normalizeSpace(loose instanceof Elem l ? doc.stringValue(l)
                                        : (String) loose), 40) + "\" lies outside its s elements")
                        + ". Put every sentence of an alignment unit in an <s xml:id=\"...\">, leaving only white space"
                        + " between them.");
            }
        }

        // pattern-sentences, rule-sentence-aligned
        private void sentenceAligned(Elem e, String id, boolean sentenceGroup) {
            String ref = "#" + id;
            int hits = hits(sentenceHits, ref);
            if (!(hits >= 1 || !sentenceGroup)) {
                add(SENTENCES, e, "sentence-aligned", "s xml:id=\"" + id + "\" is not aligned: no link or ptr of"
                        + " standOff/linkGrp[@subtype='sentence'] targets \"" + ref + "\". Add it to the link of its"
                        + " counterpart, or record it as unaligned with <ptr type=\"unaligned\" target=\"" + ref + "\"/>.");
            }
            if (hits > 1) {
                add(SENTENCES, e, "sentence-aligned-once", "s xml:id=\"" + id + "\" is aligned " + hits + " times in the"
                        + " sentence linkGrp. Each sentence belongs to exactly one link or one ptr[@type='unaligned']:"
                        + " remove the extra references.");
            }
        }

        // pattern-sentences, rule-sentence-link
        private void sentenceLink(Elem e, int name, List<String> targetTokens) {
            List<Elem> found = new ArrayList<>(targetTokens.size());
            for (String t : targetTokens) {
                if (t.startsWith("#")) {
                    Elem k = refs.get(t);
                    if (k != null) {
                        found.add(k);
                    }
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Elem w : found) {
                if (!(is(w, E_s) && sentenceParent(w.parent))) {
                    wrong.add("#" + attr(w, A_id) + " (" + w.local + ")");
                }
            }
            if (!wrong.isEmpty()) {
                add(SENTENCES, e, "target-is-sentence", e.qName + ": target(s) " + String.join(", ", wrong)
                        + " are not sentences of alignment units (s children of a head, byline, p or item of the"
                        + " original or the translation). The sentence linkGrp points only at those; point at them, or"
                        + " move the link to the paragraph linkGrp.");
            }
            boolean isLink = name == E_link;
            if (!isLink || !wrong.isEmpty()) {
                return;
            }
            List<Elem> units = distinctInOrder(parents(found));
            boolean unitsOnce = true;
            for (Elem u : units) {
                unitsOnce &= unitHolders.getOrDefault("#" + unitId(u), List.of()).size() == 1;
            }
            if (!unitsOnce) {
                return;
            }
            List<Elem> unitLinks = new ArrayList<>();
            for (Elem u : units) {
                unitLinks.addAll(unitHolders.getOrDefault("#" + unitId(u), List.of()));
            }
            unitLinks = distinctInOrder(unitLinks);
            if (!(unitLinks.size() == 1 && unitLinks.get(0).name == E_link)) {
                add(SENTENCES, e, "sentence-in-unit-link", "link target=\"" + attr(e, A_target) + "\": its sentences lie"
                        + " in units that are not aligned by one link of the paragraph linkGrp (their units are in "
                        + unitLinks.size() + " different links or ptrs there). Link sentences only within the units of"
                        + " one paragraph-level link, or align the units first.");
            }
        }

        /** parent::*[@xml:id][ancestor::tei:div[@type = ('original', 'translation')]] */
        private static boolean sentenceParent(Elem p) {
            if (p == null || !p.isElement() || p.att(A_id) == null) {
                return false;
            }
            for (Elem a = p.parent; a != null; a = a.parent) {
                if (is(a, E_div) && isSideType(a.att(A_type))) {
                    return true;
                }
            }
            return false;
        }

        /** @xml:id of a unit found as a parent: none (the empty string in concat) for a document node. */
        private static String unitId(Elem u) {
            return u.isElement() ? attr(u, A_id) : "";
        }

        // pattern-dates, rule-date
        private void date(Elem e) {
            String when = attr(e, A_when);
            if (!(isoShape(when) && castableAsDate(when))) {
                add(DATES, e, "date-iso", "date/@when=\"" + when + "\" is not a calendar date written YYYY-MM-DD. Put"
                        + " the publication date in @when as YYYY-MM-DD with a month 01-12 and a day that exists in that"
                        + " month (e.g. 1960-06-14).");
            }
            String text = normalizeSpace(doc.stringValue(e));
            if (!(text.isEmpty() || text.equals(when))) {
                add(DATES, e, "date-agrees", "date text \"" + text + "\" differs from @when=\"" + when + "\". The"
                        + " content keeps the source's Date line, which bitext writes as YYYY-MM-DD: make the text equal"
                        + " to @when, or leave the element empty.");
            }
        }

        // pattern-sides-present, rule-sides-present
        private void sidesPresent(Elem body) {
            int orig = 0, trans = 0, origUnits = 0, transUnits = 0;
            boolean missingNote = false;
            for (Elem c = body.firstChild; c != null; c = c.next) {
                if (is(c, E_div)) {
                    String type = c.att(A_type);
                    if ("original".equals(type)) {
                        orig++;
                        origUnits += units(c);
                    } else if ("translation".equals(type)) {
                        trans++;
                        transUnits += units(c);
                    }
                } else if (is(c, E_note) && "missing".equals(c.att(A_type))
                        && !normalizeSpace(doc.stringValue(c)).isEmpty()) {
                    missingNote = true;
                }
            }
            if (!((orig == 1 && trans == 1 && origUnits > 0 && transUnits > 0) || missingNote)) {
                add(SIDES, body, "sides-present", "body: a side of the article is missing and no note says why: found "
                        + orig + " div[@type='original'] (" + origUnits + " units) and " + trans
                        + " div[@type='translation'] (" + transUnits + " units). Encode exactly one original and one"
                        + " translation div, each with at least one head, byline, p or bulleted item, or add <note"
                        + " type=\"missing\"> to body stating why a side is absent.");
            }
        }

        /** count($div/(tei:head | tei:byline | tei:p | tei:list/tei:item)[@xml:id]) */
        private static int units(Elem div) {
            int n = 0;
            for (Elem c = div.firstChild; c != null; c = c.next) {
                if (is(c, E_head) || is(c, E_byline) || is(c, E_p)) {
                    n += c.att(A_id) != null ? 1 : 0;
                } else if (is(c, E_list)) {
                    for (Elem i = c.firstChild; i != null; i = i.next) {
                        n += is(i, E_item) && i.att(A_id) != null ? 1 : 0;
                    }
                }
            }
            return n;
        }
    }

    /**
     * The context of rule-unit-aligned and rule-sentences-cover, for a TEI element with an xml:id:
     * {@code tei:*[self::tei:head or self::tei:byline or self::tei:p][parent::tei:div[@type = ('original',
     * 'translation')]] | tei:item[parent::tei:list/parent::tei:div[@type = ('original', 'translation')]]}; worked out
     * once per element, as {@link RuleDoc} collects it ({@code Elem.unitShape}).
     */
    static boolean isUnitShape(Elem e) {
        int name = e.name;
        if (name == E_head || name == E_byline || name == E_p) {
            return isSideDiv(e.parent);
        }
        if (name != E_item) {
            return false;
        }
        Elem parent = e.parent;
        return is(parent, E_list) && isSideDiv(parent.parent);
    }

    private static boolean isSideDiv(Elem n) {
        return is(n, E_div) && isSideType(n.att(A_type));
    }

    private static boolean isSideType(String type) {
        return "original".equals(type) || "translation".equals(type);
    }

    /**
     * A member of a translation linkGrp: {@code tei:*[self::tei:link or self::tei:ptr][parent::tei:linkGrp[@type =
     * 'translation'][@subtype = 'sentence']]} when {@code sentence}, else with {@code [not(@subtype = 'sentence')]}.
     */
    private static boolean isGroupMember(Elem e, int name, boolean sentence) {
        if (!(name == E_link || name == E_ptr)) {
            return false;
        }
        Elem grp = e.parent;
        return is(grp, E_linkGrp) && "translation".equals(grp.att(A_type))
                && sentence == "sentence".equals(grp.att(A_subtype));
    }

    /** Whether the node is an element of this name (a fingerprint). */
    private static boolean is(Elem n, int name) {
        return n != null && n.name == name;
    }

    /** The TEI elements at a path of child steps from the document node, as {@code /tei:a/tei:b/...}. */
    private static List<Elem> path(Elem root, int... steps) {
        List<Elem> at = List.of(root);
        for (int step : steps) {
            List<Elem> next = new ArrayList<>();
            for (Elem n : at) {
                for (Elem c = n.firstChild; c != null; c = c.next) {
                    if (c.name == step) {
                        next.add(c);
                    }
                }
            }
            at = next;
        }
        return at;
    }

    private static List<Elem> parents(List<Elem> nodes) {
        List<Elem> out = new ArrayList<>(nodes.size());
        for (Elem n : nodes) {
            Elem p = n.parent;
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** A path expression's result: duplicates removed, in document order. */
    private static List<Elem> distinctInOrder(List<Elem> nodes) {
        List<Elem> out = new ArrayList<>(nodes.size());
        for (Elem n : nodes) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        out.sort((a, b) -> Integer.compare(a.index, b.index));
        return out;
    }

    private static int count(List<String> values, String v) {
        int n = 0;
        for (String s : values) {
            n += s.equals(v) ? 1 : 0;
        }
        return n;
    }

    /** string(@name): the attribute's value, or the empty string. */
    private static String attr(Elem e, int name) {
        String v = e.att(name);
        return v == null ? "" : v;
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** tokenize(normalize-space(s), ' ') */
    static List<String> tokens(String s) {
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isXmlSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isXmlSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** normalize-space(s) */
    static String normalizeSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isXmlSpace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** substring(s, 2): all but the first character (code point). */
    static String afterFirst(String s) {
        return s.isEmpty() ? s : s.substring(s.offsetByCodePoints(0, 1));
    }

    /** substring(s, 1, n) in code points. */
    static String firstCodePoints(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /** matches(s, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'): in XPath, $ is the end of the string, not of a line. */
    static boolean isoShape(String s) {
        if (s.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @when castable as xs:date, decided by Saxon's own xs:date conversion. */
    static boolean castableAsDate(String s) {
        return !(DateValue.makeDateValue(StringView.of(s).tidy(), ConversionRules.DEFAULT)
                instanceof ValidationFailure);
    }
}
