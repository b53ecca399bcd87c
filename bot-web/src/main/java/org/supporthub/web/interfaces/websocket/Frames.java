package org.supporthub.web.interfaces.websocket;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.interfaces.json.BoundedJson;
import org.supporthub.web.interfaces.json.MalformedJsonException;

import java.math.BigDecimal;
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

    /** The bot's state moved (docs/protocol.md section 4). */
    static String state(BotState state) {
        return Json.createObjectBuilder().add("type", "state").add("botState", state.name()).build().toString();
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

    /** Client frames nest objects and arrays no deeper than this (the protocol's own frames are flat). */
    static final int MAX_DEPTH = BoundedJson.DEFAULT_MAX_DEPTH;

    /**
     * A client frame as one JSON object, or null when it is not one: not well-formed, truncated, nested
     * deeper than {@link #MAX_DEPTH}, or holding an absurd number (the socket bounds the frame's size).
     */
    static JsonObject parse(String text) {
        try {
            JsonValue value = BoundedJson.parse(text, MAX_DEPTH);
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (MalformedJsonException e) {
            return null;
        }
    }

    /**
     * The {@code lastSeq} a client says it has seen (0 when absent, not a number, or negative; a number
     * beyond {@code long} counts as the largest). {@link #parse} already bounded the number's exponent, so
     * these conversions are cheap.
     */
    static long lastSeq(JsonObject frame) {
        JsonValue v = frame.get("lastSeq");
        if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER) {
            return 0;
        }
        BigDecimal n = ((JsonNumber) v).bigDecimalValue();
        if (n.signum() <= 0) {
            return 0;
        }
        return n.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : n.longValue();
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A string field of a client frame, or null when absent or not a string. */
    static String string(JsonObject frame, String name) {
        return frame.containsKey(name) && frame.get(name).getValueType() == JsonValue.ValueType.STRING
                ? frame.getString(name) : null;
    }
}
