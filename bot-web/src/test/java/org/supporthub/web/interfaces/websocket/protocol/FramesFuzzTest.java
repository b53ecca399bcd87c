package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.supporthub.web.interfaces.json.Bounded;
import org.supporthub.web.interfaces.json.FuzzInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sockets' frame decoding, fuzzed: a text is one JSON object or nothing, and decodes to a frame record
 * of the socket's family, {@link Frame.Malformed} when it is no object (which the endpoints answer with an
 * error frame, or a 1008 close before {@code hello}); nothing throws, nothing hangs, nothing is null.
 */
class FramesFuzzTest {

    static Bounded.Outcome<JsonObject> parse(String text) {
        return Bounded.within(() -> FrameDecoder.parse(text));
    }

    @Test
    void truncatedDeepAndOddFramesAreNotFrames() {
        assertThat(parse("{\"type\":\"hello\",\"zz\":{").value()).isNull();
        assertThat(parse("{\"type\":\"ping\",\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").value()).isNull();
        assertThat(parse("{\"type\":\"ping\",\"a\":" + "[".repeat(20) + "]".repeat(20) + "}").value()).isNotNull();
        assertThat(parse("[1]").value()).isNull();
        assertThat(parse("").value()).isNull();
    }

    @Test
    void lastSeqIsCheapAndSaneForAnyNumber() {
        assertThat(lastSeq("17")).isEqualTo(17);
        assertThat(lastSeq("-5")).isZero();
        assertThat(lastSeq("\"12\"")).isZero();
        assertThat(lastSeq("1e18")).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(lastSeq("99999999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(lastSeq("1e1000")).isEqualTo(Long.MAX_VALUE);
        assertThat(lastSeq("2.9")).isEqualTo(2);
        // Beyond the parser's exponent bound: not a frame at all, so never converted.
        assertThat(parse("{\"type\":\"hello\",\"lastSeq\":1e999999999}").value()).isNull();
        assertThat(Bounded.within(() -> FrameDecoder.widget("{\"type\":\"hello\",\"lastSeq\":1e999999999}")).value())
                .isEqualTo(new Frame.Malformed());
    }

    private static long lastSeq(String number) {
        Bounded.Outcome<Long> outcome = Bounded.within(() -> FrameDecoder.lastSeq(FrameDecoder.parse("{\"lastSeq\":" + number + "}")));
        assertThat(outcome.error()).isNull();
        // the decoders read it the same way, for the widget's hello and the console's open
        assertThat(((Frame.Hello) FrameDecoder.widget("{\"type\":\"hello\",\"lastSeq\":" + number + "}")).lastSeq())
                .isEqualTo(outcome.value());
        assertThat(((ConsoleFrame.Open) FrameDecoder.console("{\"type\":\"open\",\"lastSeq\":" + number + "}")).lastSeq())
                .isEqualTo(outcome.value());
        return outcome.value();
    }

    @Property(tries = 2000)
    void everyGeneratedFrameIsAnObjectOrNothing(@ForAll("frames") String text) {
        Bounded.Outcome<JsonObject> outcome = parse(text);
        assertThat(outcome.error()).isNull();
        if (outcome.value() != null) {
            // what the decoders read next must not throw either
            JsonObject frame = outcome.value();
            FrameDecoder.string(frame, "type");
            FrameDecoder.string(frame, "clientMsgId");
            FrameDecoder.lastSeq(frame);
        }
    }

    @Property(tries = 2000)
    void everyGeneratedFrameDecodesForBothSockets(@ForAll("frames") String text) {
        boolean object = parse(text).value() != null;
        Bounded.Outcome<WidgetFrame> widget = Bounded.within(() -> FrameDecoder.widget(text));
        Bounded.Outcome<ConsoleFrame> console = Bounded.within(() -> FrameDecoder.console(text));
        assertThat(widget.error()).isNull();
        assertThat(console.error()).isNull();
        assertThat(widget.value()).isNotNull();
        assertThat(console.value()).isNotNull();
        // Malformed exactly when the text is no JSON object; any object is a frame or an unknown type
        assertThat(widget.value() instanceof Frame.Malformed).isEqualTo(!object);
        assertThat(console.value() instanceof Frame.Malformed).isEqualTo(!object);
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> types = Arbitraries.of("hello", "message", "command", "typing", "vote", "ping", "status",
                "accept", "skip", "open", "close", "transfer", "label", "sessions", "", "\u0000");
        Arbitrary<String> values = Arbitraries.oneOf(FuzzInputs.junk(), Arbitraries.of("1e999999999", "-1", "1e18",
                "\"x\"", "[]", "{}", "null", "99999999999999999999"));
        Arbitrary<String> shaped = types.flatMap(t -> values.list().ofMaxSize(5).map(vs -> {
            StringBuilder b = new StringBuilder("{\"type\":\"" + t + "\"");
            String[] names = {"lastSeq", "text", "clientMsgId", "sessionId", "token"};
            for (int i = 0; i < vs.size(); i++) {
                b.append(",\"").append(names[i]).append("\":").append(vs.get(i));
            }
            return b.append('}').toString();
        }));
        Arbitrary<String> truncated = FuzzInputs.documents().flatMap(d -> Arbitraries.integers().between(0, d.length())
                .map(i -> d.substring(0, i)));
        Arbitrary<String> deep = Arbitraries.integers().between(1, 3000).map(n -> "{\"type\":\"ping\",\"x\":"
                + "[".repeat(n) + "]".repeat(n) + "}");
        return Arbitraries.oneOf(shaped, truncated, deep, Arbitraries.strings().ofMaxLength(200));
    }
}
