package org.supporthub.web.interfaces.json;

import jakarta.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounded reader, fuzzed: thousands of generated malformed inputs (truncations, deep nesting, huge
 * strings and numbers, random bytes) each finish within {@link Bounded#PER_CASE} with either a value or a
 * {@link MalformedJsonException}, never another exception and never a hang.
 */
class BoundedJsonTest {

    private static final int MAX = BoundedJson.DEFAULT_MAX_BYTES;
    private static final int DEPTH = BoundedJson.DEFAULT_MAX_DEPTH;

    static Bounded.Outcome<JsonValue> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static Bounded.Outcome<JsonValue> read(byte[] bytes) {
        return Bounded.within(() -> BoundedJson.read(new ByteArrayInputStream(bytes), null, MAX, DEPTH));
    }

    /** Only a value or a refusal: anything else (an NPE, a parser's own exception) fails the case. */
    static void assertClean(Bounded.Outcome<JsonValue> outcome) {
        if (outcome.error() != null) {
            assertThat(outcome.error()).isInstanceOf(MalformedJsonException.class);
        } else {
            assertThat(outcome.value()).isNotNull();
        }
    }

    @Test
    void theSevenByteBodyThatHangsTheServersSkipFailsAtOnce() {
        Bounded.Outcome<JsonValue> outcome = read("{\"zz\":{");
        assertThat(outcome.error()).isInstanceOf(MalformedJsonException.class);
        assertThat(((MalformedJsonException) outcome.error()).reason()).isEqualTo(MalformedJsonException.Reason.MALFORMED);
    }

    @Test
    void aWellFormedBodyIsReadWhole() {
        Bounded.Outcome<JsonValue> outcome = read("{\"name\":\"Portal\",\"tags\":[1,2.5,true,null,{\"a\":\"b\"}]}");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.value().asJsonObject().getJsonArray("tags")).hasSize(5);
    }

    @Test
    void contentAfterTheValueIsRefused() {
        assertThat(read("{\"a\":1} {").error()).isInstanceOf(MalformedJsonException.class);
        assertThat(read("{\"a\":1}]").error()).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void anEmptyBodyIsItsOwnRefusal() {
        assertThat(((MalformedJsonException) read(" \n").error()).reason()).isEqualTo(MalformedJsonException.Reason.EMPTY);
    }

    @Test
    void aBodyJustAtTheLimitIsReadAndOneByteMoreIsTooLarge() {
        String atLimit = "\"" + "x".repeat(MAX - 2) + "\"";
        assertThat(read(atLimit).error()).isNull();
        MalformedJsonException e = (MalformedJsonException) read(atLimit + " ").error();
        assertThat(e.reason()).isEqualTo(MalformedJsonException.Reason.TOO_LARGE);
    }

    @Test
    void anEndlessBodyIsRefusedAfterTheLimitWithoutReadingOn() throws Exception {
        // A stream that never ends: the reader must stop by itself.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '[';
            }
        };
        assertThatThrownBy(() -> BoundedJson.read(endless, null, MAX, DEPTH))
                .isInstanceOfSatisfying(MalformedJsonException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedJsonException.Reason.TOO_LARGE));
    }

    @Test
    void aNumberWithAnAbsurdExponentIsRefusedAndAnOrdinaryOneRead() {
        assertThat(((MalformedJsonException) read("{\"capacity\":1e999999999}").error()).reason())
                .isEqualTo(MalformedJsonException.Reason.NUMBER_OUT_OF_RANGE);
        assertThat(((MalformedJsonException) read("[1e-999999999]").error()).reason())
                .isEqualTo(MalformedJsonException.Reason.NUMBER_OUT_OF_RANGE);
        assertThat(read("[1e99999999999999]").error()).isInstanceOf(MalformedJsonException.class);
        assertThat(read("[12.5e3, -7, 0.001]").error()).isNull();
    }

    @Property(tries = 1000)
    void everyTruncationOfAValidDocumentIsAValueOrARefusal(@ForAll("documents") String document,
                                                          @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String truncated = document.substring(0, Math.min(cut, document.length() - 1) % document.length());
        assertClean(read(truncated));
    }

    @Property(tries = 300)
    void nestingIsReadUpToTheLimitAndRefusedBeyond(@ForAll @IntRange(min = 1, max = 5_000) int depth,
                                                   @ForAll boolean objects, @ForAll boolean closed) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String text = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
        Bounded.Outcome<JsonValue> outcome = read(text);
        if (text.length() > MAX) {
            assertThat(((MalformedJsonException) outcome.error()).reason()).isEqualTo(MalformedJsonException.Reason.TOO_LARGE);
        } else if (depth > DEPTH) {
            assertThat(((MalformedJsonException) outcome.error()).reason()).isEqualTo(MalformedJsonException.Reason.TOO_DEEP);
        } else if (closed) {
            assertThat(outcome.error()).isNull();
        } else {
            assertThat(((MalformedJsonException) outcome.error()).reason()).isEqualTo(MalformedJsonException.Reason.MALFORMED);
        }
    }

    @Property(tries = 1000)
    void randomBytesAreAValueOrARefusal(@ForAll("randomBytes") byte[] bytes) {
        assertClean(read(bytes));
    }

    @Property(tries = 1000)
    void mutatedDocumentsAreAValueOrARefusal(@ForAll("mutated") String text) {
        assertClean(read(text));
    }

    @Property(tries = 50)
    void hugeStringsAreReadUpToTheLimitAndRefusedBeyond(@ForAll @IntRange(min = MAX - 100, max = MAX * 3) int length) {
        String text = "{\"text\":\"" + "a".repeat(length) + "\"}";
        Bounded.Outcome<JsonValue> outcome = read(text);
        if (text.length() > MAX) {
            assertThat(((MalformedJsonException) outcome.error()).reason()).isEqualTo(MalformedJsonException.Reason.TOO_LARGE);
        } else {
            assertThat(outcome.error()).isNull();
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return FuzzInputs.documents();
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> mutated() {
        return Combinators.combine(FuzzInputs.documents(), FuzzInputs.junk(), Arbitraries.integers().between(0, 1000))
                .as((doc, junk, at) -> {
                    int i = at % (doc.length() + 1);
                    return doc.substring(0, i) + junk + doc.substring(i);
                });
    }
}
