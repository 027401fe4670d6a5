package org.bitext.cli;

import net.sf.saxon.s9api.SaxonApiException;
import org.bitext.xml.Xml;

/** Turns parser failures into located one-line messages. */
final class Messages {
    private Messages() {
    }

    /** {@code FILE:LINE:COLUMN: error: …} from a Saxon parse failure, located when the parser said where. */
    static String xml(String file, SaxonApiException e) {
        Object[] d = Xml.describe(e);
        return file + ":" + d[0] + ":" + d[1] + ": error: " + d[2];
    }
}
