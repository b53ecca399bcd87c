package org.supporthub.web.interfaces.rest.attachments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578), read from bytes the caller already bounded: the parts with
 * their field name, file name (for file parts) and content. Small and strict on purpose: a body it cannot
 * read is refused, never guessed at.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]{1,70})\"|([^\\s;]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final Pattern FILENAME_STAR = Pattern.compile("(?i);\\s*filename\\*=UTF-8''([^;\\s]+)");
    private static final int MAX_HEADER_BYTES = 8192;

    /** One part: a form field ({@code fileName} null) or a file. */
    public record Part(String name, String fileName, byte[] content) {
        public boolean isFile() {
            return fileName != null;
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The body is not a multipart form this class can read. */
    public static final class MalformedException extends Exception {
        public MalformedException(String message) {
            super(message);
        }
    }

    private MultipartForm() {
    }

    /** The boundary named by a {@code multipart/form-data} content type. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(2) != null ? m.group(2) : m.group(3)) : Optional.empty();
    }

    public static List<Part> parse(String contentType, byte[] body) throws MalformedException {
        String boundary = boundary(contentType).orElseThrow(() -> new MalformedException("Not multipart/form-data"));
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at;
        // The first boundary may open the body directly, or follow a preamble and a line break.
        if (startsAt(body, 0, dash)) {
            at = dash.length;
        } else {
            int found = indexOf(body, delimiter, 0);
            if (found < 0) {
                throw new MalformedException("No boundary");
            }
            at = found + delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsAt(body, at, new byte[]{'-', '-'})) {
                return parts;
            }
            // Transport padding (spaces, tabs) may follow a boundary before its line break.
            while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
                at++;
            }
            if (!startsAt(body, at, new byte[]{'\r', '\n'})) {
                throw new MalformedException("Boundary not followed by a line break");
            }
            at += 2;
            int headersEnd = indexOf(body, new byte[]{'\r', '\n', '\r', '\n'}, at);
            if (headersEnd < 0 || headersEnd - at > MAX_HEADER_BYTES) {
                throw new MalformedException("Part headers missing or too long");
            }
            String headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) {
                throw new MalformedException("Unterminated part");
            }
            parts.add(part(headers, java.util.Arrays.copyOfRange(body, contentStart, contentEnd)));
            at = contentEnd + delimiter.length;
        }
    }

    private static Part part(String headers, byte[] content) throws MalformedException {
        String disposition = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                disposition = line.substring(colon + 1).trim();
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedException("Part without Content-Disposition: form-data");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new MalformedException("Part without a name");
        }
        String fileName = null;
        Matcher star = FILENAME_STAR.matcher(disposition);
        Matcher plain = FILENAME.matcher(disposition);
        if (star.find()) {
            fileName = java.net.URLDecoder.decode(star.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } else if (plain.find()) {
            fileName = plain.group(1);
        }
        return new Part(name.group(1), fileName, content);
    }

    private static boolean startsAt(byte[] body, int at, byte[] what) {
        if (at < 0 || at + what.length > body.length) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (body[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] body, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (body[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
