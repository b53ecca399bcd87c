package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** {@code pong}: the answer to {@code ping}. */
public record PongFrame() implements ServerFrame {

    private static final JsonObject JSON = Json.createObjectBuilder().add("type", "pong").build();

    @Override
    public JsonObject toJson() {
        return JSON;
    }
}
