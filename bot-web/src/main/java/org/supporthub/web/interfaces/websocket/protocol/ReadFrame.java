package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code read}: a side of the conversation has read it up to {@code seq} (read receipts). Pushed when a mark
 * moves, and sent after the history on every (re)connect with the marks as stored, so a client shows them
 * whichever socket it is on. Clients keep the highest mark they heard of each side.
 *
 * @param by             who read: {@code operator} or {@code administrator}
 * @param conversationId the console's: in which conversation; null for the widget
 */
public record ReadFrame(ReadSide by, long seq, String conversationId) implements ServerFrame {

    /** To a widget. */
    public static ReadFrame forWidget(ReadSide by, long seq) {
        return new ReadFrame(by, seq, null);
    }

    /** To a console, naming the conversation. */
    public static ReadFrame forConsole(ReadReceipt receipt) {
        return new ReadFrame(receipt.by(), receipt.seq(), receipt.conversationId());
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object().add("type", "read").add("by", by.wireName()).add("seq", seq);
        if (conversationId != null) {
            b.add("conversationId", conversationId);
        }
        return b.build();
    }
}
