package org.supporthub.web.interfaces.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * Reads one JSON value from a client, within bounds, into a JSON-P structure.
 *
 * <p>Why not hand the bytes to JSON-B directly: the JSON-P parser bundled with the application server
 * skips an unknown property whose object or array never closes without ever checking for the end of the
 * input, so a 7-byte body such as {@code {"zz":{}} keeps a core busy for good (an open upstream bug). This
 * reader walks the input with the parser's {@code next()}, which does stop at the end of input, and builds
 * the value itself, so that truncated input fails at once. Whatever is bound afterwards is complete,
 * well-formed and small.
 *
 * <p>Bounds: a size in bytes (checked while reading, so a large body is never held in full), a nesting
 * depth of objects and arrays (deep nesting costs stack and time in every later consumer), and numbers
 * whose decimal exponent lies within &plusmn;{@value #MAX_NUMBER_SCALE} (a number such as {@code 1e999999999}
 * is a few bytes, but a consumer that turns it into a {@code BigInteger} or plain text builds a number of
 * up to a billion digits: seconds of CPU and gigabytes of memory per request).
 */
public final class BoundedJson {

    /** The default for REST bodies: 64 KiB, far above any request the API defines. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    /** The default nesting depth of objects and arrays; the deepest request the API defines has 3. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Numbers with a larger decimal exponent (either sign) are refused. */
    public static final int MAX_NUMBER_SCALE = 1000;

    private static final JsonParserFactory PARSERS = JsonBuilders.PROVIDER.createParserFactory(Map.of());

    private BoundedJson() {
    }

    /**
     * Reads at most {@code maxBytes} from {@code in} and parses them as one JSON value.
     *
     * @param charset the request's declared character set, or null to detect UTF-8/16/32 from the bytes
     */
    public static JsonValue read(InputStream in, Charset charset, int maxBytes, int maxDepth)
            throws IOException, MalformedJsonException {
        byte[] bytes = readAtMost(in, maxBytes);
        if (isBlank(bytes)) {
            throw new MalformedJsonException(MalformedJsonException.Reason.EMPTY, "The body is empty");
        }
        InputStream content = new ByteArrayInputStream(bytes);
        // Creating the parser already reads: too few bytes to detect an encoding is a JsonException there.
        try (JsonParser parser = charset == null ? PARSERS.createParser(content)
                : PARSERS.createParser(content, charset)) {
            return build(parser, maxDepth);
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    /** Parses a text (a WebSocket frame, whose size the socket already bounds) as one JSON value. */
    public static JsonValue parse(String text, int maxDepth) throws MalformedJsonException {
        if (text.isBlank()) {
            throw new MalformedJsonException(MalformedJsonException.Reason.EMPTY, "The frame is empty");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            return build(parser, maxDepth);
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    /** The bytes of {@code in}, refusing before reading more than one byte beyond the limit. */
    static byte[] readAtMost(InputStream in, int maxBytes) throws IOException, MalformedJsonException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new MalformedJsonException(MalformedJsonException.Reason.TOO_LARGE,
                        "The body is larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds the value event by event, with an explicit stack rather than recursion, checking depth and
     * numbers as they come; then requires the end of input.
     */
    private static JsonValue build(JsonParser parser, int maxDepth) throws MalformedJsonException {
        Deque<Container> open = new ArrayDeque<>();
        JsonValue result = null;
        try {
            while (result == null) {
                if (!parser.hasNext()) {
                    throw malformed();
                }
                JsonParser.Event event = parser.next();
                JsonValue complete = null;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() >= maxDepth) {
                            throw new MalformedJsonException(MalformedJsonException.Reason.TOO_DEEP,
                                    "Objects and arrays are nested deeper than " + maxDepth + " levels");
                        }
                        open.push(new Container(event == JsonParser.Event.START_OBJECT));
                    }
                    case KEY_NAME -> open.element().key = parser.getString();
                    case VALUE_STRING -> complete = JsonBuilders.PROVIDER.createValue(parser.getString());
                    case VALUE_NUMBER -> complete = number(parser);
                    case VALUE_TRUE -> complete = JsonValue.TRUE;
                    case VALUE_FALSE -> complete = JsonValue.FALSE;
                    case VALUE_NULL -> complete = JsonValue.NULL;
                    case END_OBJECT, END_ARRAY -> complete = open.pop().build();
                    default -> throw malformed();
                }
                if (complete != null) {
                    if (open.isEmpty()) {
                        result = complete;
                    } else {
                        open.element().add(complete);
                    }
                }
            }
            // Parsson reports content after the value here (and answers false at the end of input).
            if (parser.hasNext()) {
                throw malformed();
            }
            return result;
        } catch (MalformedJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, and the NumberFormatException of an absurd number literal
            throw malformed();
        }
    }

    private static JsonValue number(JsonParser parser) throws MalformedJsonException {
        BigDecimal value = parser.getBigDecimal();
        if (Math.abs((long) value.scale()) > MAX_NUMBER_SCALE) {
            throw new MalformedJsonException(MalformedJsonException.Reason.NUMBER_OUT_OF_RANGE,
                    "A number's exponent is beyond " + MAX_NUMBER_SCALE);
        }
        return JsonBuilders.PROVIDER.createValue(value);
    }

    private static MalformedJsonException malformed() {
        return new MalformedJsonException(MalformedJsonException.Reason.MALFORMED,
                "The input is not one complete, well-formed JSON value");
    }

    /** An object or array under construction, with the key of the member being read. */
    private static final class Container {
        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private String key;

        Container(boolean isObject) {
            this.object = isObject ? JsonBuilders.object() : null;
            this.array = isObject ? null : JsonBuilders.array();
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
                key = null;
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
