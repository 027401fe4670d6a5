package org.bitext.cli;

import net.sf.saxon.s9api.SaxonApiException;
import org.xml.sax.SAXParseException;

/** Turns parser failures into located one-line messages. */
final class Messages {
    private Messages() {
    }

    /** {@code FILE:LINE:COLUMN: error: not well-formed XML: …} from a Saxon parse failure, located when the parser said where. */
    static String xml(String file, SaxonApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException p) {
                return file + ":" + Math.max(p.getLineNumber(), 0) + ":" + Math.max(p.getColumnNumber(), 0)
                        + ": error: not well-formed XML: " + p.getMessage();
            }
        }
        int line = Math.max(e.getLineNumber(), 0);
        return file + ":" + line + ":0: error: not well-formed XML: " + e.getMessage();
    }
}
