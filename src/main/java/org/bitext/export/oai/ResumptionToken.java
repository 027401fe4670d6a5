package org.bitext.export.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A stateless resumption token: the list request it continues (verb, metadataPrefix, from, until, set), the datestamp
 * and identifier of the last item sent (the next page starts after them, so a record added, changed or deleted
 * between two pages never makes the harvest skip or repeat the others: a changed record moves to the end of the list,
 * with its new datestamp), the cursor, and when it expires; base64url-encoded. For ListSets, the cursor is the offset
 * of the next set.
 *
 * @param verb       ListIdentifiers, ListRecords or ListSets
 * @param prefix     the metadataPrefix ({@code ""} for ListSets)
 * @param from       the from argument, or null
 * @param until      the until argument, or null
 * @param set        the set argument, or null
 * @param afterStamp the datestamp of the last item sent (null for ListSets)
 * @param afterId    the identifier of the last item sent (null for ListSets)
 * @param cursor     the number of items sent before the next page
 * @param expires    when the token expires
 */
public record ResumptionToken(String verb, String prefix, Instant from, Instant until, String set, Instant afterStamp,
        String afterId, int cursor, Instant expires) {
    private static final String VERSION = "2";
    private static final String SEP = "\n";

    /** The token as sent to the harvester. */
    public String encode() {
        String plain = String.join(SEP, VERSION, verb, prefix, str(from), str(until), set == null ? "" : set,
                str(afterStamp), afterId == null ? "" : afterId, Integer.toString(cursor), str(expires));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a harvester sent back, if it is one this kind of server makes. */
    public static Optional<ResumptionToken> decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] f = plain.split(SEP, -1);
            if (f.length != 10 || !f[0].equals(VERSION) || !f[8].matches("\\d{1,9}") || f[9].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ResumptionToken(f[1], f[2], instant(f[3]), instant(f[4]),
                    f[5].isEmpty() ? null : f[5], instant(f[6]), f[7].isEmpty() ? null : f[7],
                    Integer.parseInt(f[8]), instant(f[9])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String str(Instant i) {
        return i == null ? "" : i.toString();
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }
}
