package org.supporthub.it;

import jakarta.json.JsonObject;

import java.io.StringReader;

/** Reading JSON in tests. */
final class Json {

    private Json() {
    }

    static JsonObject parse(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
