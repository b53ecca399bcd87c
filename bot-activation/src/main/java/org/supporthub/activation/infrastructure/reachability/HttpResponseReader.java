package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response, only as much of HTTP as a portal's check answer needs: status line, header
 * fields, and a body framed by {@code Content-Length}, {@code Transfer-Encoding: chunked} or the end of the
 * connection. Every read is bounded in size and in time: the portal is not trusted to be small or quick.
 */
final class HttpResponseReader {

    /** Status line and header fields together; a check answer's head is a few hundred bytes. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    private final Socket socket;
    private final InputStream in;
    private final Deadline deadline;
    private final Duration readTimeout;
    private final int maxBodyBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    private int status;
    private final Map<String, List<String>> fields = new HashMap<>();

    HttpResponseReader(Socket socket, Deadline deadline, Duration readTimeout, int maxBodyBytes) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadline = deadline;
        this.readTimeout = readTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads the status line and header fields of the final response; interim {@code 1xx} responses (such as
     * 103 Early Hints) are skipped.
     *
     * @return the status
     */
    int readHead() throws IOException, ProbeAbort {
        int headBytes = 0;
        do {
            fields.clear();
            status = 0;
            String statusLine = readLine(MAX_HEAD_BYTES - headBytes, 0);
            headBytes += statusLine.length() + 2;
            status = parseStatus(statusLine);
            String line;
            while (!(line = readLine(MAX_HEAD_BYTES - headBytes, status)).isEmpty()) {
                headBytes += line.length() + 2;
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    // Obsolete line folding or no name: not worth guessing at.
                    throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
                }
                fields.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            headBytes += 2;
        } while (status >= 100 && status < 200 && status != 101);
        return status;
    }

    /** Reads the body of the response whose head was read, at most {@code maxBodyBytes} of it. */
    String readBody() throws IOException, ProbeAbort {
        List<String> transferEncoding = fields.get("transfer-encoding");
        List<String> contentLength = fields.get("content-length");
        byte[] body;
        if (transferEncoding != null) {
            // RFC 9112 6.3: Transfer-Encoding overrides Content-Length; a response whose last coding is not
            // chunked runs until the connection closes.
            body = lastCoding(transferEncoding).equals("chunked") ? readChunked() : readToEnd();
        } else if (contentLength != null) {
            body = readExactly(parseContentLength(contentLength));
        } else {
            body = readToEnd();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static int parseStatus(String line) throws ProbeAbort {
        // "HTTP/1.1 200 OK": the reason phrase may be empty, even absent.
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, 0);
        }
        int value = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, 0);
            }
            value = value * 10 + (c - '0');
        }
        if (value < 100) {
            throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, 0);
        }
        return value;
    }

    private static String lastCoding(List<String> values) {
        String all = String.join(",", values);
        String[] codings = all.split(",");
        return codings.length == 0 ? "" : codings[codings.length - 1].trim().toLowerCase(Locale.ROOT);
    }

    /** Several Content-Length values are accepted only when they agree (RFC 9110 8.6); anything else is malformed. */
    private long parseContentLength(List<String> values) throws ProbeAbort {
        long length = -1;
        for (String value : String.join(",", values).split(",", -1)) {
            String digits = value.trim();
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
            }
            long parsed = Long.parseLong(digits);
            if (length >= 0 && parsed != length) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
            }
            length = parsed;
        }
        return length;
    }

    private byte[] readExactly(long length) throws IOException, ProbeAbort {
        if (length > maxBodyBytes) {
            // Known to be too large before a byte of it is read.
            throw new ProbeAbort(ReachabilityFailure.RESPONSE_TOO_LARGE, status);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
        copy(body, (int) length);
        return body.toByteArray();
    }

    private byte[] readToEnd() throws IOException, ProbeAbort {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (fill()) {
            int available = limit - position;
            if (body.size() + available > maxBodyBytes) {
                throw new ProbeAbort(ReachabilityFailure.RESPONSE_TOO_LARGE, status);
            }
            body.write(buffer, position, available);
            position = limit;
        }
        return body.toByteArray();
    }

    private byte[] readChunked() throws IOException, ProbeAbort {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine(MAX_CHUNK_LINE, status);
            int semicolon = line.indexOf(';');
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                // Trailer fields may follow; the connection closes anyway, and the body is complete.
                return body.toByteArray();
            }
            if (body.size() + size > maxBodyBytes) {
                throw new ProbeAbort(ReachabilityFailure.RESPONSE_TOO_LARGE, status);
            }
            copy(body, (int) size);
            if (!readLine(2, status).isEmpty()) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
            }
        }
    }

    /** Copies exactly {@code length} bytes; an early end of the connection means the answer broke off. */
    private void copy(ByteArrayOutputStream out, int length) throws IOException, ProbeAbort {
        int remaining = length;
        while (remaining > 0) {
            if (!fill()) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, status);
            }
            int n = Math.min(remaining, limit - position);
            out.write(buffer, position, n);
            position += n;
            remaining -= n;
        }
    }

    /**
     * One line, ending in CRLF or a bare LF (which is tolerated), without the line end. Bytes are read as
     * ISO-8859-1: header fields are ASCII, and nothing else here is read as text.
     *
     * @param maxLength the longest line allowed; longer means {@code RESPONSE_TOO_LARGE}
     */
    private String readLine(int maxLength, int statusSoFar) throws IOException, ProbeAbort {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!fill()) {
                throw new ProbeAbort(ReachabilityFailure.HTTP_STATUS, statusSoFar);
            }
            int b = buffer[position++] & 0xff;
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() >= maxLength) {
                throw new ProbeAbort(ReachabilityFailure.RESPONSE_TOO_LARGE, statusSoFar);
            }
            line.append((char) b);
        }
    }

    /**
     * Makes sure there is something in the buffer. Each read may wait only for the read timeout or for what
     * is left of the deadline, whichever is shorter.
     *
     * @return false at the end of the connection
     */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        socket.setSoTimeout(deadline.timeoutMillis(readTimeout));
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
