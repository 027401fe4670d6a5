package org.bitext.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bilingual plain-text layout (English translation above its Chinese original) into an {@link Article}.
 * It assumes no more than it sees: every line is either placed in the article or refused with an {@link InputError}
 * naming the file, line and column. Thread-safe and stateless.
 */
public final class ArticleReader {
    private static final Pattern FIELD = Pattern.compile("^(Title|Author|Date|Page|Edition):(.*)$");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern ZH_PAGE = Pattern.compile("^(第(\\d+)版)\\((.*)\\)$");
    private static final Pattern DATE_LIKE = Pattern.compile("^(Date:|\\d{2,4}\\s*[-./年])");
    private static final Pattern ZH_PAGE_LIKE = Pattern.compile("^第\\s*[0-9０-９一二三四五六七八九十]+\\s*版");
    private static final Pattern NAME_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ZH_COLUMN = Pattern.compile("^专栏：(.*)$");
    private static final Pattern GLOSS_ENTRY = Pattern.compile("^(\\S(?:.*?\\S)?)(\\t+ *| {2,}\\t*|\u3000+)(\\S.*)$");
    /** A bulleted line: Markdown {@code - } (one space) or the Chinese {@code ▲}, followed by some text. */
    private static final Pattern BULLET = Pattern.compile("^(?:(-) (\\S.*)|(▲)(.*\\S.*))$");
    private static final String SEPARATOR = "<hr />";
    private static final Pattern WHITE_RUN = Pattern.compile("[\\s\u3000\u00A0]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    /** A glossary line naming a group of entries: {@code **People**}, {@code Places:}. */
    private static final Pattern GLOSS_SUBHEADING = Pattern.compile("\\*\\*[^*\\p{IsHan}]+\\*\\*|[^\\p{IsHan}:]+:");
    private static final String ORIGINAL = "Original:";
    private static final String GLOSSARY_HEADING = "**Named Entities**";
    private static final int RIGHT_ALIGN_SPACES = 8;
    /** ICU confidence (0–100) from which a GB18030 guess is tried; the strict decoding decides. */
    private static final int MIN_CONFIDENCE = 10;
    private static final String UTF8_ADVICE = "expected UTF-8 (or UTF-16 with a byte-order mark, or GB18030/GBK); "
            + "name the file's encoding with --encoding, or convert it to UTF-8";

    private final Charset encoding;

    /** A reader that recognises the encoding: UTF-8 or UTF-16 by byte-order mark, else UTF-8, else GB18030. */
    public ArticleReader() {
        this(null);
    }

    /**
     * A reader of the given encoding.
     *
     * @param encoding the input's encoding, or {@code null} to recognise it
     */
    public ArticleReader(Charset encoding) {
        this.encoding = encoding;
    }

    /** Reads one article file. The name used in messages is the path as given. */
    public Article read(Path file) throws InputError, IOException {
        byte[] bytes = Files.readAllBytes(file);
        String fileName = file.getFileName().toString();
        return read(file.toString(), stem(fileName), bytes);
    }

    /**
     * Reads an article from bytes in its encoding (see the constructors).
     *
     * @param displayName the name used in error messages
     * @param name        the article's base name, used for identifiers
     */
    public Article read(String displayName, String name, byte[] bytes) throws InputError {
        return parse(displayName, name, decode(displayName, bytes));
    }

    /** Reads an article from already-decoded text. */
    public Article parse(String displayName, String name, String text) throws InputError {
        checkCharacters(displayName, text);
        return new Parser(displayName, name, splitLines(text)).parse();
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private String decode(String file, byte[] bytes) throws InputError {
        String text;
        if (encoding != null) {
            text = strict(file, bytes, 0, encoding, "expected text in " + encoding.name()
                    + " as --encoding says; check the file's encoding");
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(file, bytes, 3, StandardCharsets.UTF_8, UTF8_ADVICE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(file, bytes, 2, StandardCharsets.UTF_16LE, "expected UTF-16 text after its byte-order mark");
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(file, bytes, 2, StandardCharsets.UTF_16BE, "expected UTF-16 text after its byte-order mark");
        } else {
            try {
                text = strict(file, bytes, 0, StandardCharsets.UTF_8, UTF8_ADVICE);
            } catch (InputError notUtf8) {
                text = detected(file, bytes).orElseThrow(() -> notUtf8);
            }
        }
        return text;
    }

    /** Refuses text that a decoder would only have produced from damaged or non-text input. */
    private static void checkCharacters(String file, String text) throws InputError {
        int bad = firstOf(text, '\0');
        if (bad >= 0) {
            int[] lc = lineColumn(text, bad);
            throw new InputError(file, lc[0], lc[1], "NUL character: this looks like a binary file",
                    "expected a text file in the article layout");
        }
        bad = firstNonXml(text);
        if (bad >= 0) {
            int[] lc = lineColumn(text, bad);
            throw new InputError(file, lc[0], lc[1], String.format("character U+%04X cannot be written in XML",
                    (int) text.charAt(bad)), "expected text without control characters (other than tab) or "
                    + "noncharacters; remove it, or check that the file is really text");
        }
        bad = firstOf(text, '\uFFFD');
        if (bad >= 0) {
            int[] lc = lineColumn(text, bad);
            throw new InputError(file, lc[0], lc[1], "U+FFFD REPLACEMENT CHARACTER in the text: an earlier conversion "
                    + "already lost the characters here", "expected the original text; recover it from the source");
        }
    }

    /**
     * A Chinese legacy encoding recognised by ICU's detector (GB18030, which covers GBK and GB2312), when the bytes
     * decode in it without a single error.
     */
    private static Optional<String> detected(String file, byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch m : detector.detectAll()) {
            if (m.getName().equals("GB18030") && m.getConfidence() >= MIN_CONFIDENCE) {
                try {
                    return Optional.of(strict(file, bytes, 0, Charset.forName("GB18030"), ""));
                } catch (InputError e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String strict(String file, byte[] bytes, int start, Charset charset, String advice)
            throws InputError {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int offset = in.position();
            String before = charset.decode(ByteBuffer.wrap(bytes, start, Math.max(0, offset - start))).toString();
            int[] lc = lineColumn(before, before.length());
            throw new InputError(file, lc[0], lc[1], "bytes at offset " + offset + " are not valid " + charset.name(),
                    advice);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first UTF-16 index of a character that XML 1.0 does not allow, or -1. */
    private static int firstNonXml(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOf(String text, char c) {
        return text.indexOf(c);
    }

    private static int[] lineColumn(String text, int index) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
            } else if (c != '\r') {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** Splits on LF, CRLF or CR; a final line terminator does not start a further line. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Removes leading and trailing white space, including the ideographic space U+3000. */
    static String trim(String s) {
        return s.strip();
    }

    static boolean isBlank(String s) {
        return s.isBlank();
    }

    /** One parse of one file: a cursor over its lines. */
    private static final class Parser {
        private final String file;
        private final String name;
        private final List<String> lines;
        private final Set<Layout> layout = EnumSet.noneOf(Layout.class);
        private int pos; // zero-based index of the next line to read

        private final List<InputWarning> warnings = new ArrayList<>();
        private final java.util.Map<String, String> verbatim = new java.util.TreeMap<>();

        Parser(String file, String name, List<String> lines) {
            this.file = file;
            this.name = name;
            this.lines = lines;
        }

        Article parse() throws InputError {
            if (lines.stream().allMatch(ArticleReader::isBlank)) {
                throw new InputError(file, 1, 1, "the file is empty",
                        "expected an article starting with a `Title: <English title>` line");
            }
            skipBlank();
            String titleEn = optionalField("Title", null, Layout.NO_TITLE_LINE, Layout.BLANK_AFTER_TITLE);
            String authorEn = optionalField("Author", null, Layout.NO_AUTHOR_LINE, Layout.BLANK_AFTER_AUTHOR);
            int dateLine = pos + 1;
            String dateText = optionalField("Date", null, Layout.NO_DATE_LINE, null);
            Optional<LocalDate> dateEn = dateText == null ? Optional.empty() : lenientDate(dateText, dateLine, "date",
                    "the English header's Date");
            if (dateText != null) {
                blankAfter(Layout.BLANK_AFTER_DATE);
            }
            String[] page = new String[1];
            int pageLine = pos + 1;
            String pageEn = optionalField("Page", page, Layout.NO_PAGE_LINE, null);
            if (pageEn != null && !pageEn.matches("[1-9][0-9]*")) {
                verbatim.put("page", trim(lines.get(pageLine - 1)));
                warn(pageLine, 1, "`" + abbreviate(pageEn) + "` is not a page number; the line is kept verbatim and "
                        + "the page is taken from the Chinese header", "header-line");
                pageEn = null;
            }
            if (page[0] == null) {
                page[0] = "Page";
            }
            int hr = findSeparator();
            Optional<String> columnEn = Optional.empty();
            if (!layout.contains(Layout.NO_PAGE_LINE) && pos < lines.size() && !isBlank(lines.get(pos))
                    && !startsWithSpace(lines.get(pos)) && !isSeparator(lines.get(pos))
                    && !normSpaces(lines.get(pos)).equals(normSpaces(titleEn == null ? "" : titleEn))
                    && hasBodyLine(pos + 1, hr)) {
                // an unindented line right after the page line is the column, unless it is the only body line
                // (without a page line, no line is taken for the column)
                columnEn = Optional.of(trim(lines.get(pos)));
                pos++;
            }
            // the gap between the header and the body is carried by the first body line

            List<String> bodyEn = lines.subList(pos, hr);
            int bodyEnStart = pos;
            Glossary[] glossary = new Glossary[1];
            List<RawLine> rawEn = rawLines(bodyEn, bodyEnStart, true, glossary);
            if (hr > 0 && isBlank(lines.get(hr - 1))) {
                layout.add(Layout.BLANK_BEFORE_HR);
            }
            pos = hr + 1;
            blankAfter(Layout.BLANK_AFTER_HR);
            expectLine(ORIGINAL, "expected the line `Original:` after `<hr />`");
            blankAfter(Layout.BLANK_AFTER_ORIGINAL);
            String titleZh = zhTitle();
            String authorZh = "";
            if (pos < lines.size() && !isBlank(lines.get(pos)) && !zhHeaderLine(trim(lines.get(pos)))) {
                authorZh = trim(lines.get(pos));
                pos++;
                blankAfter(Layout.BLANK_AFTER_ZH_AUTHOR);
            } else if (pos < lines.size() && isBlank(lines.get(pos))) {
                pos++; // the empty author line
                skipBlank();
            }
            int zhDateLine = pos + 1;
            Optional<LocalDate> dateZh = Optional.empty();
            if (pos < lines.size() && DATE_LIKE.matcher(trim(lines.get(pos))).find()) {
                dateZh = lenientDate(trim(lines.get(pos)), zhDateLine, "zh-date", "the Chinese date");
                pos++;
                blankAfter(Layout.BLANK_AFTER_ZH_DATE);
            } else {
                missing(Layout.NO_ZH_DATE_LINE, zhDateLine, "date line `YYYY-MM-DD` in the Chinese header");
            }
            LocalDate date = publicationDate(dateEn, dateLine, dateZh, zhDateLine);
            int zhPageLine = pos + 1;
            String pageZh = "";
            String pageNumberZh = "";
            String sectionZh = "";
            if (pos < lines.size() && ZH_PAGE_LIKE.matcher(trim(lines.get(pos))).find()) {
                String t = trim(lines.get(pos));
                Matcher pm = ZH_PAGE.matcher(t);
                if (pm.matches()) {
                    pageZh = pm.group(1);
                    pageNumberZh = pm.group(2);
                    sectionZh = pm.group(3);
                } else {
                    verbatim.put("zh-page", t);
                    warn(zhPageLine, 1, "`" + abbreviate(t) + "` is not a page line `第N版(SECTION)`; it is kept "
                            + "verbatim", "header-line");
                }
                pos++;
                blankAfter(Layout.BLANK_AFTER_ZH_PAGE);
            } else {
                missing(Layout.NO_ZH_PAGE_LINE, zhPageLine, "page line `第N版(SECTION)` in the Chinese header");
            }
            int zhColumnLine = pos + 1;
            String columnZh = "";
            if (pos < lines.size() && trim(lines.get(pos)).startsWith("专栏")) {
                String t = trim(lines.get(pos));
                Matcher cm = ZH_COLUMN.matcher(t);
                if (cm.matches()) {
                    columnZh = cm.group(1);
                } else {
                    verbatim.put("zh-column", t);
                    warn(zhColumnLine, 1, "`" + abbreviate(t) + "` is not a column line `专栏：COLUMN`; it is kept "
                            + "verbatim", "header-line");
                }
                pos++;
            } else {
                missing(Layout.NO_ZH_COLUMN_LINE, zhColumnLine, "column line `专栏：COLUMN` in the Chinese header");
            }
            List<RawLine> rawZh = rawLines(lines.subList(pos, lines.size()), pos, false, null);
            if (rawEn.isEmpty()) {
                throw new InputError(file, hr + 1, 1, "the English side has no text before `<hr />`",
                        "expected the English translation between the header and `<hr />`");
            }
            if (rawZh.isEmpty()) {
                throw new InputError(file, zhColumnLine, 1, "the Chinese side has no text after its header",
                        "expected the Chinese original's lines after the `专栏：` line");
            }
            Metadata meta = new Metadata(titleEn == null ? "" : titleEn, authorEn == null ? "" : authorEn, date,
                    page[0], pageEn == null ? "" : pageEn, columnEn, titleZh, authorZh, pageZh, pageNumberZh, sectionZh,
                    columnZh, verbatim);
            List<Block> english = classify(rawEn, headCount(rawEn, normTitle(meta.titleEn()), ArticleReader::normTitle),
                    meta.authorEn());
            List<Block> chinese = classify(rawZh, headCount(rawZh, normTitle(titleZh), ArticleReader::normTitle), authorZh);
            warnings.sort(java.util.Comparator.comparingInt(InputWarning::line));
            return new Article(name, meta, english, Optional.ofNullable(glossary[0]), chinese, layout, warnings);
        }

        private void warn(int line, int column, String message, String kind) {
            warnings.add(new InputWarning(file, line, column, message, kind));
        }

        /**
         * The value of the English header line {@code key:} at the cursor, or null (with a warning and the layout token
         * {@code absent}) when the header has no such line there.
         */
        private String optionalField(String key, String[] label, Layout absent, Layout blank) {
            Matcher m = pos < lines.size() ? FIELD.matcher(lines.get(pos).stripTrailing()) : null;
            boolean ok = m != null && m.matches() && (m.group(1).equals(key)
                    || key.equals("Page") && m.group(1).equals("Edition"));
            if (!ok) {
                missing(absent, pos + 1, "`" + key + ":` line in the English header");
                return null;
            }
            if (label != null) {
                label[0] = m.group(1);
            }
            pos++;
            if (blank != null) {
                blankAfter(blank);
            }
            return trim(m.group(2));
        }

        /** Whether a line after the Chinese title is the date, page or column line (so not the author line). */
        private static boolean zhHeaderLine(String t) {
            return DATE_LIKE.matcher(t).find() || ZH_PAGE_LIKE.matcher(t).find() || t.startsWith("专栏");
        }

        private void missing(Layout absent, int line, String what) {
            layout.add(absent);
            warn(Math.min(line, Math.max(lines.size(), 1)), 1, "no " + what + "; the article is converted "
                    + "without it", "header-missing-line");
        }

        /** An ISO date, or empty (the line kept verbatim under {@code slot}, with a warning) when it is not one. */
        private Optional<LocalDate> lenientDate(String text, int line, String slot, String what) {
            Matcher m = ISO_DATE.matcher(text.startsWith("Date:") ? trim(text.substring(5)) : text);
            if (m.matches()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
                } catch (DateTimeException e) {
                    // kept verbatim below
                }
            }
            verbatim.put(slot, trim(lines.get(line - 1)));
            warn(line, 1, "`" + abbreviate(text) + "` in " + what + " is not a calendar date YYYY-MM-DD; the line is "
                    + "kept verbatim", "header-line");
            return Optional.empty();
        }

        /**
         * The publication date: the English header's, else the Chinese header's, else the one the file name starts
         * with. When both headers give a date and they disagree, the one the file name agrees with wins (the English
         * one otherwise) and the other line is kept verbatim, with a warning.
         */
        private LocalDate publicationDate(Optional<LocalDate> en, int enLine, Optional<LocalDate> zh, int zhLine)
                throws InputError {
            Optional<LocalDate> named = Optional.empty();
            Matcher nm = NAME_DATE.matcher(name);
            if (nm.find()) {
                try {
                    named = Optional.of(LocalDate.parse(nm.group()));
                } catch (DateTimeException e) {
                    // not a date
                }
            }
            if (en.isPresent() && zh.isPresent() && !en.equals(zh)) {
                boolean zhWins = named.equals(zh);
                int loserLine = zhWins ? enLine : zhLine;
                verbatim.put(zhWins ? "date" : "zh-date", trim(lines.get(loserLine - 1)));
                LocalDate taken = (zhWins ? zh : en).get();
                warn(loserLine, 1, "the headers disagree on the date (English " + en.get() + ", Chinese " + zh.get()
                        + "); " + taken + " is taken" + (named.equals(Optional.of(taken)) ? ", as the file name says"
                        : "") + ", and this line is kept verbatim", "header-date-mismatch");
                return (zhWins ? zh : en).get();
            }
            if (en.isPresent()) {
                return en.get();
            }
            if (zh.isPresent()) {
                return zh.get();
            }
            if (named.isPresent()) {
                warn(enLine, 1, "neither header has a readable date; " + named.get() + " is taken from the file name",
                        "header-date-from-name");
                return named.get();
            }
            throw new InputError(file, enLine, 1, "no date: neither header has a YYYY-MM-DD date and the file name "
                    + "does not start with one", "expected `Date: YYYY-MM-DD` in the English header (or the date "
                    + "line of the Chinese header, or a file name starting with the date)");
        }

        private void blankAfter(Layout token) {
            if (pos < lines.size() && isBlank(lines.get(pos))) {
                layout.add(token);
                skipBlank();
            }
        }

        private void skipBlank() {
            while (pos < lines.size() && isBlank(lines.get(pos))) {
                pos++;
            }
        }

        private int findSeparator() throws InputError {
            for (int i = pos; i < lines.size(); i++) {
                if (isSeparator(lines.get(i))) {
                    return i;
                }
            }
            throw new InputError(file, lines.size(), 1, "no `<hr />` line separates the English side from the Chinese",
                    "expected a line `<hr />`, then `Original:`, then the Chinese side; is the file truncated?");
        }

        /** Whether a line of English body text (not blank, not the glossary heading) lies in [from, to). */
        private boolean hasBodyLine(int from, int to) {
            for (int i = from; i < to; i++) {
                String t = trim(lines.get(i));
                if (t.equals(GLOSSARY_HEADING)) {
                    return false;
                }
                if (!t.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private void expectLine(String text, String expected) throws InputError {
            if (pos >= lines.size()) {
                throw new InputError(file, lines.size(), 1, "the file ends after `<hr />`", expected);
            }
            if (!layoutTrim(lines.get(pos)).equals(text)) {
                throw new InputError(file, pos + 1, 1, "unexpected line `" + abbreviate(trim(lines.get(pos))) + "`",
                        expected);
            }
            pos++;
        }

        private String zhTitle() {
            String t = pos < lines.size() ? trim(lines.get(pos)) : "";
            if (!t.startsWith("###")) {
                missing(Layout.NO_ZH_TITLE_LINE, pos + 1, "title line `### <title>` in the Chinese header");
                return "";
            }
            pos++;
            String title = trim(t.substring(3));
            if (title.isEmpty()) {
                warn(pos, 1, "the Chinese title line `###` is empty", "header-line");
            }
            return title;
        }

        /** Non-blank body lines with their layout; the English side may end with a glossary block. */
        private List<RawLine> rawLines(List<String> body, int offset, boolean english, Glossary[] glossary)
                throws InputError {
            List<RawLine> out = new ArrayList<>();
            boolean blank = false;
            for (int i = 0; i < body.size(); i++) {
                String raw = body.get(i);
                if (isBlank(raw)) {
                    blank = true;
                    continue;
                }
                String text = trim(raw);
                if (english && text.equals(GLOSSARY_HEADING)) {
                    glossary[0] = glossary(body, i, offset, blank);
                    break;
                }
                out.add(new RawLine(text, offset + i + 1, blank, isRightAligned(raw)));
                blank = false;
            }
            return out;
        }

        private Glossary glossary(List<String> body, int headingIndex, int offset, boolean blankBefore)
                throws InputError {
            List<GlossEntry> entries = new ArrayList<>();
            boolean blank = false;
            for (int i = headingIndex + 1; i < body.size(); i++) {
                String raw = body.get(i);
                if (isBlank(raw)) {
                    blank = true;
                    continue;
                }
                String text = trim(raw);
                GlossEntry entry = glossEntry(text, offset + i + 1, blank);
                if (!entry.split() && GLOSS_SUBHEADING.matcher(text).matches()) {
                    warn(offset + i + 1, 1, "glossary line `" + abbreviate(text) + "` is a sub-heading, not a term "
                            + "and its gloss; kept verbatim as an item of the " + GLOSSARY_HEADING + " list",
                            "glossary-subheading");
                } else if (!entry.split()) {
                    warn(offset + i + 1, 1, "glossary line `" + abbreviate(text) + "` is not a term and its gloss; "
                            + "kept verbatim as an item of the " + GLOSSARY_HEADING + " list", "glossary-line");
                }
                entries.add(entry);
                blank = false;
            }
            if (entries.isEmpty()) {
                warn(offset + headingIndex + 1, 1, "the glossary heading `" + trim(body.get(headingIndex))
                        + "` has no entries; kept as the heading of an empty glossary", "glossary-empty");
            }
            return new Glossary(trim(body.get(headingIndex)), offset + headingIndex + 1, blankBefore, entries);
        }
    }

    private record RawLine(String text, int line, boolean blankBefore, boolean right) {
    }

    /**
     * A glossary line as a term and its gloss: split at a tab, two or more spaces or ideographic spaces, or else at
     * the first white space where the script changes (a Chinese term without Latin letters before it, a gloss not
     * starting with a Chinese character after it: {@code 国民党 Kuomintang}). A line that splits nowhere is kept
     * whole ({@link GlossEntry#unsplit}).
     */
    static GlossEntry glossEntry(String text, int line, boolean blankBefore) {
        Matcher m = GLOSS_ENTRY.matcher(text);
        if (m.matches()) {
            return new GlossEntry(m.group(1), m.group(2), m.group(3), line, blankBefore);
        }
        Matcher ws = WHITE_RUN.matcher(text);
        while (ws.find()) {
            String term = text.substring(0, ws.start());
            String gloss = text.substring(ws.end());
            if (!gloss.isEmpty() && HAN.matcher(term).find() && !LATIN_LETTER.matcher(term).find()
                    && !HAN.matcher(gloss.substring(0, gloss.offsetByCodePoints(0, 1))).find()) {
                return new GlossEntry(term, ws.group(), gloss, line, blankBefore);
            }
        }
        return GlossEntry.unsplit(text, line, blankBefore);
    }

    /** A line that separates the English side from the Chinese: {@code <hr />}, white space around it aside. */
    static boolean isSeparator(String line) {
        return layoutTrim(line).equals(SEPARATOR);
    }

    /** Trims white space, the no-break space included, from both ends of a layout line. */
    static String layoutTrim(String line) {
        return line.replaceAll("^[\\s\u00A0\u3000\uFEFF]+|[\\s\u00A0\u3000\uFEFF]+$", "");
    }

    private static boolean startsWithSpace(String s) {
        return !s.isEmpty() && Character.isWhitespace(s.codePointAt(0)) || s.startsWith("\u3000");
    }

    private static boolean isRightAligned(String raw) {
        int spaces = 0;
        for (int i = 0; i < raw.length() && raw.charAt(i) == ' '; i++) {
            spaces++;
        }
        return spaces >= RIGHT_ALIGN_SPACES;
    }

    /**
     * How many leading lines form the side's title: the smallest run of consecutive lines (no blank line inside)
     * whose text, normalised, equals the header's title. Zero when the body does not repeat the title.
     */
    private static int headCount(List<RawLine> raw, String title, java.util.function.UnaryOperator<String> norm) {
        if (title.isEmpty()) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < Math.min(raw.size(), 4); k++) {
            if (k > 0 && raw.get(k).blankBefore()) {
                return 0;
            }
            if (k > 0) {
                joined.append(' ');
            }
            joined.append(raw.get(k).text());
            String j = norm.apply(joined.toString());
            if (j.equals(title)) {
                return k + 1;
            }
            if (!title.startsWith(j)) {
                return 0;
            }
        }
        return 0;
    }

    private static List<Block> classify(List<RawLine> raw, int heads, String author) {
        List<Block> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            RawLine r = raw.get(i);
            Block.Kind kind;
            if (i < heads) {
                kind = Block.Kind.HEAD;
            } else if (i == heads && !author.isEmpty() && r.text().equals(author)) {
                kind = Block.Kind.BYLINE;
            } else {
                Matcher bullet = BULLET.matcher(r.text());
                if (bullet.matches()) {
                    String marker = bullet.group(1) != null ? bullet.group(1) : bullet.group(3);
                    String text = bullet.group(1) != null ? bullet.group(2) : bullet.group(4);
                    out.add(new Block(Block.Kind.ITEM, text, r.line(), r.blankBefore(), r.right(), marker));
                    continue;
                }
                kind = Block.Kind.PARAGRAPH;
            }
            out.add(new Block(kind, r.text(), r.line(), r.blankBefore(), r.right()));
        }
        return out;
    }

    static String normSpaces(String s) {
        return s.strip().replaceAll("[\\s\u3000]+", " ");
    }

    /**
     * A title for comparison: its letters and digits only, lower-cased, so that the header's one-line title matches
     * the body's title lines however they are punctuated and spaced ({@code Man Jiang Hong - Patriotic Poem} against
     * the lines {@code Man Jiang Hong} and {@code Patriotic Poem}; {@code 满江红  元旦劳军献词} against two lines).
     */
    static String normTitle(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    static String normZh(String s) {
        return s.replaceAll("[\\s\u3000]+", "").replace("——", "");
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
