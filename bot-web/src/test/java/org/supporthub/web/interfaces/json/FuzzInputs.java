package org.supporthub.web.interfaces.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of JSON documents and of the junk that hostile clients put into them. */
public final class FuzzInputs {

    private FuzzInputs() {
    }

    /** Well-formed documents: objects and arrays a few levels deep, with strings, numbers and literals. */
    public static Arbitrary<String> documents() {
        return value(2).map(v -> v.startsWith("{") ? v : "{\"v\":" + v + "}");
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(FuzzInputs::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e999999999", "-0.0", "\"\\u0000\"", "\"\\ud800\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> member = value(depth - 1);
        Arbitrary<String> object = Arbitraries.strings().alpha().ofMaxLength(6).map(FuzzInputs::quote)
                .flatMap(k -> member.map(v -> k + ":" + v)).list().ofMaxSize(4)
                .map(ms -> "{" + String.join(",", ms) + "}");
        Arbitrary<String> array = member.list().ofMaxSize(4).map(vs -> "[" + String.join(",", vs) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(2, object), net.jqwik.api.Tuple.of(2, array));
    }

    /** Fragments that break JSON in the ways parsers get wrong: unclosed structures, stray tokens, bad escapes. */
    public static Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "[", "}", "]", ":", ",", "\"", "\\", "{\"zz\":{", "[[[[", "\"\\u12", "nul", "tru",
                        "1e", "-", "0x1F", "NaN", "Infinity", "\u0000", "\uFEFF", "/*", "'a'", "{\"a\"}", "{,}", "[,]"),
                Arbitraries.strings().ofMaxLength(8));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
