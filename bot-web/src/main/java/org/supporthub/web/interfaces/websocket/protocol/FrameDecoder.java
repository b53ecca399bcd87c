package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.supporthub.web.interfaces.json.BoundedJson;
import org.supporthub.web.interfaces.json.MalformedJsonException;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a client's text into a frame record, for both sockets: the one decoding step behind
 * {@link WidgetFrameDecoder} and {@link ConsoleFrameDecoder}.
 *
 * <p>The text is first read into a JSON-P object by {@link BoundedJson} (bounded depth and numbers,
 * truncated input fails at once; the socket already bounds the size), and only then are the fields taken
 * out of that complete, small object. Untrusted text never reaches a binder such as JSON-B: the JSON-P
 * parser inside the server hangs skipping an unknown object that never closes.
 *
 * <p>Decoding never fails: text that is no JSON object is {@link Frame.Malformed}, an object of a type the
 * socket does not know is {@link Frame.Unknown}. What to answer to them is the endpoint's business (an
 * error frame, or a close before {@code hello}); a websocket {@code DecodeException} would end up in
 * {@code @OnError} instead, with no answer at all.
 */
public final class FrameDecoder {

    /** Client frames nest objects and arrays no deeper than this (the protocol's own frames are flat). */
    static final int MAX_DEPTH = BoundedJson.DEFAULT_MAX_DEPTH;

    private static final Frame.Malformed MALFORMED = new Frame.Malformed();
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The widget's frame types (docs/protocol.md, section 3), each with how its fields are read. */
    private static final Map<String, Function<JsonObject, WidgetFrame>> WIDGET = Map.of(
            "hello", FrameDecoder::hello,
            "message", o -> new WidgetFrame.Message(string(o, "clientMsgId"), string(o, "text")),
            "command", o -> new WidgetFrame.Command(string(o, "name"), string(o, "clientMsgId")),
            "typing", o -> new WidgetFrame.Typing(),
            "vote", o -> new WidgetFrame.Vote(string(o, "sessionId"), string(o, "value"), string(o, "comment")),
            "locale", o -> new WidgetFrame.Locale(string(o, "locale")),
            "read", o -> new WidgetFrame.Read(positive(o, "seq")),
            "leave", o -> new WidgetFrame.Leave(string(o, "email")),
            "ping", o -> new Frame.Ping());

    /** The console's frame types (docs/protocol.md, section 10). */
    private static final Map<String, Function<JsonObject, ConsoleFrame>> CONSOLE = Map.ofEntries(
            Map.entry("hello", FrameDecoder::hello),
            Map.entry("status", o -> new ConsoleFrame.Status(string(o, "status"))),
            Map.entry("accept", o -> new ConsoleFrame.Accept(string(o, "sessionId"))),
            Map.entry("skip", o -> new ConsoleFrame.Skip(string(o, "sessionId"))),
            Map.entry("open", o -> new ConsoleFrame.Open(string(o, "sessionId"), lastSeq(o))),
            Map.entry("message", o -> new ConsoleFrame.Message(string(o, "sessionId"), string(o, "clientMsgId"),
                    string(o, "text"))),
            Map.entry("typing", o -> new ConsoleFrame.Typing(string(o, "sessionId"))),
            Map.entry("transfer", o -> new ConsoleFrame.Transfer(string(o, "sessionId"), string(o, "toOperator"),
                    string(o, "toChannel"), string(o, "note"))),
            Map.entry("close", o -> new ConsoleFrame.Close(string(o, "sessionId"))),
            Map.entry("label", o -> new ConsoleFrame.Label(string(o, "sessionId"), string(o, "area"),
                    string(o, "coverage"))),
            Map.entry("sessions", o -> new ConsoleFrame.Sessions()),
            Map.entry("read", o -> new ConsoleFrame.Read(string(o, "conversationId"), positive(o, "seq"))),
            Map.entry("ping", o -> new Frame.Ping()));

    private FrameDecoder() {
    }

    /** A widget's frame; never null, never throws. */
    public static WidgetFrame widget(String text) {
        return decode(text, WIDGET);
    }

    /** A console's frame; never null, never throws. */
    public static ConsoleFrame console(String text) {
        return decode(text, CONSOLE);
    }

    private static <F extends Frame> F decode(String text, Map<String, Function<JsonObject, F>> readers) {
        JsonObject frame = parse(text);
        if (frame == null) {
            return malformed();
        }
        String type = string(frame, "type");
        Function<JsonObject, F> reader = type == null ? null : readers.get(type);
        return reader == null ? unknown(type) : reader.apply(frame);
    }

    // Malformed and Unknown are frames of every family; the casts only restate that for the generic caller.

    @SuppressWarnings("unchecked")
    private static <F extends Frame> F malformed() {
        return (F) MALFORMED;
    }

    @SuppressWarnings("unchecked")
    private static <F extends Frame> F unknown(String type) {
        return (F) new Frame.Unknown(type);
    }

    private static Frame.Hello hello(JsonObject frame) {
        return new Frame.Hello(string(frame, "token"), lastSeq(frame));
    }

    /**
     * A client's text as one JSON object, or null when it is not one: not well-formed, truncated, nested
     * deeper than {@link #MAX_DEPTH}, or holding an absurd number.
     */
    static JsonObject parse(String text) {
        try {
            JsonValue value = BoundedJson.parse(text, MAX_DEPTH);
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (MalformedJsonException e) {
            return null;
        }
    }

    /**
     * The {@code lastSeq} a client says it has seen (0 when absent, not a number, or negative; a number
     * beyond {@code long} counts as the largest). {@link #parse} already bounded the number's exponent, so
     * these conversions are cheap.
     */
    static long lastSeq(JsonObject frame) {
        return positive(frame, "lastSeq");
    }

    /**
     * A field that holds a sequence number: 0 when absent, not a number, or not positive; a number beyond
     * {@code long} counts as the largest (the hub clamps it to the conversation's last message).
     */
    static long positive(JsonObject frame, String name) {
        JsonValue v = frame.get(name);
        if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER) {
            return 0;
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        if (n.signum() <= 0) {
            return 0;
        }
        return n.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : n.longValue();
    }

    /** A string field of a client frame, or null when absent or not a string. */
    static String string(JsonObject frame, String name) {
        JsonValue v = frame.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? frame.getString(name) : null;
    }
}
