package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code ack}: the client's message is stored (sent only once its transaction committed).
 *
 * @param duplicate      the message was stored before (a resend); {@code seq} is the stored one
 * @param conversationId the console's: which conversation; null for the widget, which has one
 */
public record AckFrame(String clientMsgId, long seq, boolean duplicate, String conversationId)
        implements ServerFrame {

    /** The widget's acknowledgement. */
    public static AckFrame of(PostedMessage posted) {
        return new AckFrame(posted.clientMsgId(), posted.seq(), posted.duplicate(), null);
    }

    /** The console's acknowledgement, naming the conversation the reply went to. */
    public static AckFrame inConversation(PostedMessage posted, String conversationId) {
        return new AckFrame(posted.clientMsgId(), posted.seq(), posted.duplicate(), conversationId);
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("type", "ack")
                .add("clientMsgId", clientMsgId)
                .add("seq", seq)
                .add("duplicate", duplicate);
        if (conversationId != null) {
            b.add("conversationId", conversationId);
        }
        return b.build();
    }
}
