package org.supporthub.core.domain.model.license;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The licence key format, version 1.
 *
 * <pre>
 * SHL1.&lt;base64url(payload)&gt;.&lt;base64url(signature)&gt;
 * </pre>
 *
 * <ul>
 *   <li>{@code SHL1.} names the format and its version: a later format gets a new prefix, so a hub never
 *       reads a key with rules it was not written for.</li>
 *   <li>Both parts are unpadded base64url (RFC 4648 §5), so a key is one line of {@code A-Z a-z 0-9 - _ .}
 *       that survives e-mail, chat and copy/paste. Spaces, tabs and line breaks pasted into a key are
 *       ignored (they are not in the alphabet, so removing them cannot turn one key into another).
 *       Anything else is taken literally: padding, other characters or non-canonical base64 make the
 *       key invalid.</li>
 *   <li>The payload is UTF-8 text of exactly five lines, in this order, each ending in a line feed
 *       ({@code \n}) and each written {@code name=value}:
 * <pre>
 * licensee=ACME Sp. z o.o.
 * domain=portal.acme.example
 * edition=commercial
 * expires=2026-12-31
 * serial=ACME-2026-001
 * </pre>
 *       {@code edition} is {@code commercial} or {@code demo}; {@code expires} is {@code YYYY-MM-DD}, the
 *       last valid day in UTC; the other values follow {@link License}. No other names, no repeated or
 *       missing lines, no control characters, no carriage returns, no byte-order mark; at most
 *       {@value #MAX_PAYLOAD_BYTES} bytes. The payload must be exactly the canonical encoding of the
 *       licence it describes (domain in lower case, licensee without surrounding spaces…), so every
 *       licence has one payload and one key.</li>
 *   <li>The signature is Ed25519 (RFC 8032) by the vendor's key over the exact payload bytes: 64 bytes.</li>
 * </ul>
 *
 * <p>The payload is deliberately not JSON: a fixed list of lines needs no parser library, and the strict
 * reading here leaves no room for the duplicate-key or number-format ambiguities that let two readers of
 * one signed document disagree on what it says.
 */
public final class LicenseKeyFormat {

    /** The prefix, with its separator, that every version-1 key starts with. */
    public static final String PREFIX = "SHL1.";

    static final int MAX_PAYLOAD_BYTES = 1024;
    static final int SIGNATURE_BYTES = 64;

    /** Far more than a valid key needs; anything longer is refused before decoding. */
    static final int MAX_KEY_LENGTH = 4096;

    private static final List<String> FIELDS = List.of("licensee", "domain", "edition", "expires", "serial");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LicenseKeyFormat() {
    }

    /** A key taken apart: the payload bytes and the signature bytes that should cover them. */
    record SignedPayload(byte[] payload, byte[] signature) {
    }

    /** The canonical payload of a licence. */
    static byte[] payload(License license) {
        String text = "licensee=" + license.licensee() + "\n"
                + "domain=" + license.domain() + "\n"
                + "edition=" + license.edition().code() + "\n"
                + "expires=" + license.expires() + "\n"
                + "serial=" + license.serial() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The key text for a payload and its signature. */
    static String assemble(byte[] payload, byte[] signature) {
        return PREFIX + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature);
    }

    /**
     * Takes a key apart, or empty when it is not shaped like a version-1 key. Says nothing about whether
     * the signature is right: that is for the verifier, before the payload is read at all.
     */
    static Optional<SignedPayload> split(String key) {
        if (key == null || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        String compact = WHITESPACE.matcher(key).replaceAll("");
        if (!compact.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = compact.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Optional<byte[]> payload = decode(parts[0]);
        Optional<byte[]> signature = decode(parts[1]);
        if (payload.isEmpty() || signature.isEmpty()
                || payload.get().length > MAX_PAYLOAD_BYTES || signature.get().length != SIGNATURE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new SignedPayload(payload.get(), signature.get()));
    }

    /** Reads a payload whose signature has already been checked; empty unless it is canonical. */
    static Optional<License> parsePayload(byte[] payload) {
        Optional<String> text = strictUtf8(payload);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // Every line ends in "\n", so the limit -1 split must give exactly one empty string after the last
        // line: this refuses a missing final line feed, blank lines, and extra or missing lines.
        String[] lines = text.get().split("\n", -1);
        if (lines.length != FIELDS.size() + 1 || !lines[FIELDS.size()].isEmpty()) {
            return Optional.empty();
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            // Exact names in exact order: a repeated, renamed or moved line fails here.
            String name = FIELDS.get(i) + "=";
            if (!lines[i].startsWith(name)) {
                return Optional.empty();
            }
            values[i] = lines[i].substring(name.length());
        }
        Optional<Edition> edition = Edition.fromCode(values[2]);
        if (edition.isEmpty()) {
            return Optional.empty();
        }
        License license;
        try {
            // The constructor refuses what a licence may not hold (control characters inside a value, a
            // date out of range…); what it would quietly fix is caught by the comparison below.
            license = new License(values[0], values[1], edition.get(), LocalDate.parse(values[3]), values[4]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
        // The License constructor normalises (strips, lower-cases); a payload that only matches after
        // normalising, or whose date or UTF-8 is spelled unusually, is not one the issuer wrote, and two
        // spellings of one licence would make the same grant look like two.
        return Arrays.equals(payload(license), payload) ? Optional.of(license) : Optional.empty();
    }

    /** Unpadded base64url, and only its canonical spelling (unused trailing bits zero). */
    private static Optional<byte[]> decode(String part) {
        if (!BASE64URL.matcher(part).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            return ENCODER.encodeToString(bytes).equals(part) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes UTF-8, refusing malformed input instead of replacing it with U+FFFD as new String(...) does.
     * The canonical comparison would refuse such a payload anyway; this says so where it happens.
     */
    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
