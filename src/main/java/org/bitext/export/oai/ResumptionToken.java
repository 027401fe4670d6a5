package org.bitext.export.oai;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A stateless resumption token: the list request it continues (verb, metadataPrefix, from, until, set), the offset of
 * the next item, and the fingerprint of the repository it was made over, base64url-encoded. Any token this server
 * instance gave out works, in any order and as often as asked; a token made over other contents (another folder, or
 * the same folder after a new run) is refused.
 *
 * @param verb        ListIdentifiers, ListRecords or ListSets
 * @param prefix      the metadataPrefix ({@code ""} for ListSets)
 * @param from        the from argument, or null
 * @param until       the until argument, or null
 * @param set         the set argument, or null
 * @param offset      the position of the first item of the next response in the complete list
 * @param fingerprint {@link Repository#fingerprint()}
 */
public record ResumptionToken(String verb, String prefix, LocalDate from, LocalDate until, String set, int offset,
        String fingerprint) {
    private static final String VERSION = "1";
    private static final String SEP = "\n";

    /** The token as sent to the harvester. */
    public String encode() {
        String plain = String.join(SEP, VERSION, verb, prefix, from == null ? "" : from.toString(),
                until == null ? "" : until.toString(), set == null ? "" : set, Integer.toString(offset), fingerprint);
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
            if (f.length != 8 || !f[0].equals(VERSION) || !f[6].matches("\\d{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(new ResumptionToken(f[1], f[2], date(f[3]), date(f[4]), f[5].isEmpty() ? null : f[5],
                    Integer.parseInt(f[6]), f[7]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }
}
