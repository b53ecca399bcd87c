package org.supporthub.web.interfaces.websocket;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.Locale;

/** Builds the server's frames of the wire protocol (docs/protocol.md). */
final class Frames {

    private Frames() {
    }

    static String welcome(ChatOpening opening, PortalUser user) {
        return Json.createObjectBuilder()
                .add("type", "welcome")
                .add("conversationId", opening.conversationId())
                .add("user", Json.createObjectBuilder().add("name", user.name()).add("admin", user.admin()))
                .add("locale", opening.locale().tag())
                .add("botState", opening.botState().name())
                .add("lastSeq", opening.lastSeq())
                .build().toString();
    }

    static String ack(PostedMessage posted) {
        return Json.createObjectBuilder()
                .add("type", "ack")
                .add("clientMsgId", posted.clientMsgId())
                .add("seq", posted.seq())
                .add("duplicate", posted.duplicate())
                .build().toString();
    }

    static String message(ConversationMessage m, SupportLocale locale, BotTexts texts) {
        return messageObject(m, locale, texts).build().toString();
    }

    /** A console's message frame: the widget's, plus the conversation it belongs to. */
    static String consoleMessage(ConversationMessage m, BotTexts texts) {
        return messageObject(m, SupportLocale.EN, texts).add("conversationId", m.conversationId()).build().toString();
    }

    static JsonObjectBuilder messageObject(ConversationMessage m, SupportLocale locale, BotTexts texts) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "message")
                .add("seq", m.seq())
                .add("author", Json.createObjectBuilder()
                        .add("kind", m.authorKind().name().toLowerCase(Locale.ROOT))
                        .add("name", m.authorName()))
                .add("text", m.text())
                .add("at", m.at().toString());
        if (m.clientMsgId() != null) {
            b.add("clientMsgId", m.clientMsgId());
        }
        if (!m.actions().isEmpty()) {
            JsonArrayBuilder actions = Json.createArrayBuilder();
            m.actions().forEach(a -> actions.add(Json.createObjectBuilder().add("name", a)
                    .add("label", texts.text(locale, "action." + a))));
            b.add("actions", actions);
        }
        return b;
    }

    static String error(String code, String message, String clientMsgId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "error").add("code", code)
                .add("message", message);
        if (clientMsgId != null) {
            b.add("clientMsgId", clientMsgId);
        }
        return b.build().toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    /** A client frame as one JSON object, or null when it is not one. */
    static jakarta.json.JsonObject parse(String text) {
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(text))) {
            jakarta.json.JsonValue value = reader.readValue();
            return value.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    /** The {@code lastSeq} a client says it has seen (0 when absent, not a number, or negative). */
    static long lastSeq(jakarta.json.JsonObject frame) {
        jakarta.json.JsonValue v = frame.get("lastSeq");
        return v != null && v.getValueType() == jakarta.json.JsonValue.ValueType.NUMBER
                ? Math.max(0, frame.getJsonNumber("lastSeq").longValue()) : 0;
    }

    /** A string field of a client frame, or null when absent or not a string. */
    static String string(JsonObject frame, String name) {
        return frame.containsKey(name) && frame.get(name).getValueType() == jakarta.json.JsonValue.ValueType.STRING
                ? frame.getString(name) : null;
    }
}
