package org.bitext.align;

/** The lengths the aligner compares: characters of English, non-space characters of Chinese. */
public final class Lengths {
    private Lengths() {
    }

    /** Alignment length of a text: every character of English; of Chinese, every character but white space. */
    public static int of(String text, boolean english) {
        if (english) {
            return text.length();
        }
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp) && cp != 0x3000) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }
}
