package org.bitext.export.oai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Values made safe for an OAI-PMH {@code setSpec}, whose characters are limited to the URI "unreserved" marks
 * ({@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}, colon for the hierarchy). Any other character is written as its UTF-8
 * bytes, each as {@code ~HH} (percent-encoding with {@code ~} in place of {@code %}, which setSpec does not allow;
 * {@code ~} itself is {@code ~7E}). Reversible, stable whatever else is in the corpus, and readable for ASCII:
 * {@code 国内} becomes {@code ~E5~9B~BD~E5~86~85}; the set's setName carries the readable name.
 */
public final class SetSpecs {
    private SetSpecs() {
    }

    /** The value encoded for use as one part of a setSpec (never empty: an empty value becomes {@code ~}). */
    public static String encode(String value) {
        if (value.isEmpty()) {
            return "~";
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && c != '~' && isSpecChar((char) c)) {
                sb.append((char) c);
            } else {
                sb.append('~').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    /** The value of an encoded setSpec part. */
    public static String decode(String part) {
        if (part.equals("~")) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '~' && i + 2 < part.length()) {
                out.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** True for a syntactically valid setSpec: parts of unreserved characters separated by single colons. */
    public static boolean isValid(String spec) {
        return spec.matches("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    }

    private static boolean isSpecChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.!*'()".indexOf(c) >= 0;
    }
}
