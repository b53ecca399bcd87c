package org.supporthub.web.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.web.interfaces.json.Bounded;
import org.supporthub.web.interfaces.json.BoundedJson;
import org.supporthub.web.interfaces.json.FuzzInputs;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST body reader with the JSON-B and JSON-P implementations of the application server (Yasson 3.0.4
 * over Parsson 1.1.5): every generated hostile body binds, or is refused with a 4xx problem, within time.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class JsonBodyReaderTest {

    private final JsonBodyReader reader = new JsonBodyReader();

    /** A record like the API's, with a nested list, a number and a boolean. */
    public record Sample(String name, Integer capacity, Boolean enabled, List<String> operators) {
    }

    static Bounded.Outcome<Object> read(Class<?> type, String body) {
        return read(type, body.getBytes(StandardCharsets.UTF_8), new MultivaluedHashMap<>());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Bounded.Outcome<Object> read(Class<?> type, byte[] body, MultivaluedMap<String, String> headers) {
        JsonBodyReader reader = new JsonBodyReader();
        return Bounded.within(() -> reader.readFrom((Class) type, type, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, headers, new ByteArrayInputStream(body)));
    }

    static int status(Bounded.Outcome<Object> outcome) {
        assertThat(outcome.error()).isInstanceOf(JsonBodyException.class);
        JsonBodyException e = (JsonBodyException) outcome.error();
        assertThat(e.problem().status()).isEqualTo(e.getResponse().getStatus());
        return e.getResponse().getStatus();
    }

    @Test
    void readsJsonForEveryBoundTypeButLeavesRawBodiesToTheirReaders() {
        assertThat(reader.isReadable(PortalRegistration.class, PortalRegistration.class, null,
                MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(reader.isReadable(Sample.class, Sample.class, null,
                MediaType.valueOf("application/merge-patch+json"))).isTrue();
        assertThat(reader.isReadable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(reader.isReadable(byte[].class, byte[].class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(reader.isReadable(Sample.class, Sample.class, null, MediaType.TEXT_PLAIN_TYPE)).isFalse();
    }

    @Test
    void theSevenByteRegistrationIsA400AtOnce() {
        Bounded.Outcome<Object> outcome = read(PortalRegistration.class, "{\"zz\":{");
        assertThat(status(outcome)).isEqualTo(400);
        assertThat(((JsonBodyException) outcome.error()).problem().type()).endsWith("/malformed-json");
    }

    @Test
    void aWellFormedBodyBindsWithUnknownPropertiesSkipped() {
        Bounded.Outcome<Object> outcome = read(Sample.class,
                "{\"name\":\"Ann\",\"zz\":{\"deep\":[1,{\"x\":[]}]},\"capacity\":3,\"enabled\":true,\"operators\":[\"a\"]}");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.value()).isEqualTo(new Sample("Ann", 3, true, List.of("a")));
    }

    @Test
    void jsonNullIsNullForTheResourceToRefuse() {
        assertThat(read(Sample.class, "null").value()).isNull();
    }

    @Test
    void jsonPValuesAreReadBoundedToo() {
        assertThat(read(JsonObject.class, "{\"a\":[1]}").value()).isInstanceOf(JsonObject.class);
        assertThat(status(read(JsonObject.class, "[1]"))).isEqualTo(400);
        assertThat(status(read(JsonObject.class, "[".repeat(100) + "]".repeat(100)))).isEqualTo(400);
    }

    @Test
    void aBodyThatSaysItIsTooLargeIsRefusedBeforeReading() {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Length", String.valueOf(BoundedJson.DEFAULT_MAX_BYTES + 1));
        assertThat(status(read(Sample.class, "{}".getBytes(StandardCharsets.UTF_8), headers))).isEqualTo(413);
        byte[] large = ("{\"name\":\"" + "a".repeat(BoundedJson.DEFAULT_MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(status(read(Sample.class, large, new MultivaluedHashMap<>()))).isEqualTo(413);
    }

    @Test
    void aRefusedLargeBodyIsReadOnToItsEndUpToTheDiscardLimitButNoFurther() throws Exception {
        byte[] large = new byte[3 * BoundedJson.DEFAULT_MAX_BYTES];
        java.util.Arrays.fill(large, (byte) ' ');
        large[0] = '[';
        for (boolean declared : new boolean[]{true, false}) {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            if (declared) {
                headers.putSingle("Content-Length", String.valueOf(large.length));
            }
            ByteArrayInputStream body = new ByteArrayInputStream(large);
            Bounded.Outcome<Object> outcome = Bounded.within(() -> reader.readFrom((Class) Sample.class, Sample.class,
                    new Annotation[0], MediaType.APPLICATION_JSON_TYPE, headers, body));
            assertThat(status(outcome)).isEqualTo(413);
            assertThat(body.available()).as("what is left unread").isZero();
        }
        // An endless body: read no further than the bound plus the discard limit.
        long[] read = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return ' ';
            }
        };
        assertThat(status(Bounded.within(() -> reader.readFrom((Class) Sample.class, Sample.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), endless)))).isEqualTo(413);
        assertThat(read[0]).isLessThanOrEqualTo(BoundedJson.DEFAULT_MAX_BYTES + 1 + JsonBodyReader.DISCARD_LIMIT);
    }

    @Test
    void wrongTypesAndEmptyBodiesAre400() {
        assertThat(status(read(Sample.class, "{\"capacity\":\"many\"}"))).isEqualTo(400);
        assertThat(status(read(Sample.class, "{\"capacity\":1e999999999}"))).isEqualTo(400);
        assertThat(status(read(Sample.class, "{\"enabled\":[]}"))).isEqualTo(400);
        assertThat(status(read(Sample.class, "[1,2]"))).isEqualTo(400);
        assertThat(status(read(Sample.class, "\"text\""))).isEqualTo(400);
        assertThat(status(read(Sample.class, ""))).isEqualTo(400);
    }

    @Property(tries = 1000)
    void everyHostileBodyBindsOrIsRefusedWithA4xx(@ForAll("hostileBodies") String body) {
        Bounded.Outcome<Object> outcome = read(Sample.class, body);
        if (outcome.error() != null) {
            assertThat(status(outcome)).isIn(400, 413);
        }
    }

    @Provide
    Arbitrary<String> hostileBodies() {
        Arbitrary<String> wrongTypes = Arbitraries.of("\"x\"", "1", "1.5", "true", "null", "[]", "{}", "[\"a\",1]",
                "{\"a\":{}}", "1e999", "-1", "99999999999999999999")
                .list().ofSize(4).map(v -> "{\"name\":" + v.get(0) + ",\"capacity\":" + v.get(1) + ",\"enabled\":"
                        + v.get(2) + ",\"operators\":" + v.get(3) + "}");
        Arbitrary<String> truncated = FuzzInputs.documents().flatMap(d -> Arbitraries.integers().between(0, d.length())
                .map(i -> d.substring(0, i)));
        Arbitrary<String> unknownUnclosed = Arbitraries.of("{", "[", "{\"a\":", "[[", "{\"a\":[{").list().ofMaxSize(5)
                .map(parts -> "{\"name\":\"n\",\"zz\":" + String.join("", parts));
        return Arbitraries.oneOf(wrongTypes, truncated, unknownUnclosed,
                FuzzInputs.junk().map(j -> "{\"name\":" + j + "}"));
    }
}
