package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code returned} (console): the administrator of a session the operator holds came back to the chat after
 * being away (no widget of theirs open for a while). The console raises a notification.
 *
 * @param name the administrator's name
 */
public record ReturnedFrame(String conversationId, String name) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "returned").add("conversationId", conversationId)
                .add("name", name).build();
    }
}
