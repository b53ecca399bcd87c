package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code typing}: someone on the other side is typing now (the client shows it for a few seconds).
 *
 * @param name           who: the operator (to a widget) or the administrator (to a console)
 * @param conversationId the console's: in which conversation; null for the widget
 */
public record TypingFrame(String name, String conversationId) implements ServerFrame {

    /** To a widget: the operator holding its session is typing. */
    public static TypingFrame operator(String name) {
        return new TypingFrame(name, null);
    }

    /** To a console: the administrator of one of its conversations is typing. */
    public static TypingFrame administrator(String name, String conversationId) {
        return new TypingFrame(name, conversationId);
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object().add("type", "typing").add("name", name);
        if (conversationId != null) {
            b.add("conversationId", conversationId);
        }
        return b.build();
    }
}
