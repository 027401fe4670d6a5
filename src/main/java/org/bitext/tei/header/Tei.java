package org.bitext.tei.header;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The TEI header classes. Each mirrors one TEI element; field order is the element order TEI P5 prescribes.
 * Instances are built once by {@link org.bitext.tei.HeaderBuilder} and marshalled; they are not shared.
 */
public final class Tei {
    /** The TEI namespace. */
    public static final String NS = "http://www.tei-c.org/ns/1.0";
    /** The XML namespace, for {@code xml:lang} and {@code xml:id}. */
    public static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private Tei() {
    }

    /** {@code teiHeader}. */
    @XmlRootElement(name = "teiHeader")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"fileDesc", "encodingDesc", "profileDesc", "revisionDesc"})
    public static final class Header {
        @XmlElement(name = "fileDesc") public FileDesc fileDesc = new FileDesc();
        @XmlElement(name = "encodingDesc") public EncodingDesc encodingDesc = new EncodingDesc();
        @XmlElement(name = "profileDesc") public ProfileDesc profileDesc = new ProfileDesc();
        @XmlElement(name = "revisionDesc") public RevisionDesc revisionDesc = new RevisionDesc();
    }

    /** {@code fileDesc}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"titleStmt", "publicationStmt", "sourceDesc"})
    public static final class FileDesc {
        @XmlElement(name = "titleStmt") public TitleStmt titleStmt = new TitleStmt();
        @XmlElement(name = "publicationStmt") public Paragraphs publicationStmt = new Paragraphs();
        @XmlElement(name = "sourceDesc") public SourceDesc sourceDesc = new SourceDesc();
    }

    /** {@code titleStmt}: titles, then authors. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"titles", "authors"})
    public static final class TitleStmt {
        @XmlElement(name = "title") public List<Phrase> titles = new ArrayList<>();
        @XmlElement(name = "author") public List<Author> authors = new ArrayList<>();
    }

    /** {@code author} holding one person's name in one or both scripts. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Author {
        @XmlElement(name = "persName") public List<Phrase> names = new ArrayList<>();
    }

    /** An element holding only paragraphs, such as {@code publicationStmt}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Paragraphs {
        @XmlElement(name = "p") public List<String> paragraphs = new ArrayList<>();
    }

    /** {@code sourceDesc}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class SourceDesc {
        @XmlElement(name = "bibl") public Bibl bibl = new Bibl();
    }

    /** {@code bibl}: the source's bibliographic lines, in document order. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Bibl {
        @XmlAttribute(name = "rend") public String rend;
        @XmlElementRefs({
            @XmlElementRef(name = "title", namespace = NS, type = BiblTitle.class),
            @XmlElementRef(name = "author", namespace = NS, type = BiblAuthor.class),
            @XmlElementRef(name = "date", namespace = NS, type = Date.class),
            @XmlElementRef(name = "biblScope", namespace = NS, type = BiblScope.class),
            @XmlElementRef(name = "note", namespace = NS, type = Note.class)})
        public List<Object> parts = new ArrayList<>();
    }

    /** Text content with the usual TEI attributes; used for {@code title}, {@code persName} and the like. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Phrase {
        @XmlAttribute(name = "type") public String type;
        @XmlAttribute(name = "level") public String level;
        @XmlAttribute(name = "lang", namespace = XML_NS) public String lang;
        @XmlValue public String text;

        public Phrase() {
        }

        public Phrase(String type, String level, String lang, String text) {
            this.type = type;
            this.level = level;
            this.lang = lang;
            this.text = text;
        }
    }

    /** {@code title} inside {@code bibl}. */
    @XmlRootElement(name = "title")
    public static final class BiblTitle extends Phrase {
        public BiblTitle() {
        }

        public BiblTitle(String level, String lang, String text) {
            super(null, level, lang, text);
        }
    }

    /** {@code author} inside {@code bibl}: the source's author field verbatim. */
    @XmlRootElement(name = "author")
    public static final class BiblAuthor extends Phrase {
        public BiblAuthor() {
        }

        public BiblAuthor(String lang, String text) {
            super(null, null, lang, text);
        }
    }

    /** {@code date} with {@code @when}. */
    @XmlRootElement(name = "date")
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Date {
        @XmlAttribute(name = "when") public String when;
        @XmlValue public String text;

        public Date() {
        }

        public Date(String when, String text) {
            this.when = when;
            this.text = text;
        }
    }

    /** {@code biblScope} with {@code @unit} and {@code @n}. */
    @XmlRootElement(name = "biblScope")
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class BiblScope {
        @XmlAttribute(name = "unit") public String unit;
        @XmlAttribute(name = "n") public String n;
        @XmlAttribute(name = "lang", namespace = XML_NS) public String lang;
        @XmlValue public String text;

        public BiblScope() {
        }

        public BiblScope(String unit, String n, String lang, String text) {
            this.unit = unit;
            this.n = n;
            this.lang = lang;
            this.text = text;
        }
    }

    /** {@code note} with {@code @type}. */
    @XmlRootElement(name = "note")
    public static final class Note extends Phrase {
        @XmlAttribute(name = "subtype") public String subtype;

        public Note() {
        }

        public Note(String type, String lang, String text) {
            super(type, null, lang, text);
        }

        public Note(String type, String subtype, String lang, String text) {
            super(type, null, lang, text);
            this.subtype = subtype;
        }
    }

    /** {@code encodingDesc} with the application that made the encoding. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class EncodingDesc {
        @XmlElement(name = "appInfo") public AppInfo appInfo = new AppInfo();
    }

    /** {@code appInfo}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class AppInfo {
        @XmlElement(name = "application") public Application application = new Application();
    }

    /** {@code application}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Application {
        @XmlAttribute(name = "id", namespace = XML_NS) public String id;
        @XmlAttribute(name = "ident") public String ident;
        @XmlAttribute(name = "version") public String version;
        @XmlElement(name = "label") public String label;
    }

    /** {@code profileDesc}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class ProfileDesc {
        @XmlElement(name = "langUsage") public LangUsage langUsage = new LangUsage();
    }

    /** {@code langUsage}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class LangUsage {
        @XmlElement(name = "language") public List<Language> languages = new ArrayList<>();
    }

    /** {@code language} with {@code @ident}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Language {
        @XmlAttribute(name = "ident") public String ident;
        @XmlValue public String text;

        public Language() {
        }

        public Language(String ident, String text) {
            this.ident = ident;
            this.text = text;
        }
    }

    /** {@code revisionDesc}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class RevisionDesc {
        @XmlElement(name = "change") public List<Change> changes = new ArrayList<>();
    }

    /** {@code change}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Change {
        @XmlAttribute(name = "who") public String who;
        @XmlValue public String text;

        public Change() {
        }

        public Change(String who, String text) {
            this.who = who;
            this.text = text;
        }
    }
}
