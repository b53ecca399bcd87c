package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/** {@code pong}: the answer to {@code ping}. */
public record PongFrame() implements ServerFrame {

    private static final JsonObject JSON = JsonBuilders.object().add("type", "pong").build();

    @Override
    public JsonObject toJson() {
        return JSON;
    }
}
