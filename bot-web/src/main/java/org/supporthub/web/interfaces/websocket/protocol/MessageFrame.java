package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;
import java.util.Locale;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code message}: a stored message of a conversation, live or replayed, numbered by {@code seq}.
 *
 * @param authorKind     {@code user}, {@code bot}, {@code staff} or {@code system}
 * @param at             when it was stored, ISO-8601
 * @param clientMsgId    the client's id of a message a client sent; null for the bot's and the system's
 * @param actions        the buttons the bot offers with it, labelled in the reader's language
 * @param conversationId the console's: which conversation; null for the widget, which has one
 * @param attachments    the files the message carries (id, name, size, detected type, whether a thumbnail
 *                       exists); the frame has no {@code attachments} array when there are none
 */
public record MessageFrame(long seq, String authorKind, String authorName, String text, String at,
                           String clientMsgId, List<Action> actions, String conversationId,
                           List<AttachedFile> attachments) implements ServerFrame {

    /** A button under a bot message: the command it sends, and its label. */
    public record Action(String name, String label) {
    }

    public MessageFrame {
        actions = List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A frame without files. */
    public MessageFrame(long seq, String authorKind, String authorName, String text, String at, String clientMsgId,
                        List<Action> actions, String conversationId) {
        this(seq, authorKind, authorName, text, at, clientMsgId, actions, conversationId, List.of());
    }

    /** The widget's frame, its buttons labelled in the conversation's language. */
    public static MessageFrame forWidget(ConversationMessage m, SupportLocale locale, BotTexts texts) {
        return of(m, locale, texts, null);
    }

    /** The console's frame: the widget's (labels in English), plus the conversation it belongs to. */
    public static MessageFrame forConsole(ConversationMessage m, BotTexts texts) {
        return of(m, SupportLocale.EN, texts, m.conversationId());
    }

    private static MessageFrame of(ConversationMessage m, SupportLocale locale, BotTexts texts,
                                   String conversationId) {
        List<Action> actions = m.actions().stream()
                .map(a -> new Action(a, texts.text(locale, "action." + a))).toList();
        return new MessageFrame(m.seq(), m.authorKind().name().toLowerCase(Locale.ROOT), m.authorName(), m.text(),
                m.at().toString(), m.clientMsgId(), actions, conversationId, m.attachments());
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("type", "message")
                .add("seq", seq)
                .add("author", JsonBuilders.object().add("kind", authorKind).add("name", authorName))
                .add("text", text)
                .add("at", at);
        if (clientMsgId != null) {
            b.add("clientMsgId", clientMsgId);
        }
        if (!actions.isEmpty()) {
            JsonArrayBuilder buttons = JsonBuilders.array();
            actions.forEach(a -> buttons.add(JsonBuilders.object().add("name", a.name()).add("label", a.label())));
            b.add("actions", buttons);
        }
        if (conversationId != null) {
            b.add("conversationId", conversationId);
        }
        if (!attachments.isEmpty()) {
            JsonArrayBuilder files = JsonBuilders.array();
            attachments.forEach(f -> files.add(JsonBuilders.object().add("id", f.id()).add("name", f.name())
                    .add("size", f.size()).add("type", f.type()).add("thumbnail", f.thumbnail())));
            b.add("attachments", files);
        }
        return b.build();
    }
}
