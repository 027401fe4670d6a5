package org.bitext.validate;

import com.thaiopensource.datatype.xsd.regex.Regex;
import com.thaiopensource.datatype.xsd.regex.RegexEngine;
import com.thaiopensource.datatype.xsd.regex.RegexSyntaxException;
import java.util.ArrayList;
import net.sf.saxon.regex.ARegularExpression;
import net.sf.saxon.regex.RegularExpression;
import net.sf.saxon.str.StringView;
import net.sf.saxon.trans.XPathException;

/**
 * The XML Schema regular expressions of RELAX NG {@code pattern} facets, for Jing, by Saxon's regex engine. Jing's
 * own engine translates an XSD regex to {@code java.util.regex}, and a class such as the schema's pointer pattern
 * {@code #[\i-[:]][\c-[:]]*} becomes a large union of ranges matched character by character: 8 % of validation time
 * in a profile. Saxon implements the XSD dialect directly (class subtraction, {@code \i}, {@code \c}). Compiled
 * expressions are shared by every thread: a match makes its own matcher.
 */
final class SaxonRegexEngine implements RegexEngine {
    @Override
    public Regex compile(String expr) throws RegexSyntaxException {
        RegularExpression re;
        try {
            // Saxon's engine itself, without a Saxon Configuration (which takes a fifth of a second to make and
            // is not needed to validate): the backtracking limit it would set is its default, none
            re = new ARegularExpression(StringView.of(expr), "", "XSD11", new ArrayList<>(), null);
        } catch (XPathException e) {
            throw new RegexSyntaxException(e.getMessage());
        }
        return s -> re.matches(StringView.of(s));
    }
}
