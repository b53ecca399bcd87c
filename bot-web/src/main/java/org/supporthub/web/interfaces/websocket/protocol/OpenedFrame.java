package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * {@code opened} (console): the replay that answered an {@code open} is complete; what follows for the
 * conversation is live. It carries the conversation's read receipts as stored, so a console shows them
 * after any reconnect, and tells a console which messages are news (those after {@code lastSeq}).
 *
 * @param lastSeq the highest sequence number of the replay (the client's own {@code lastSeq} when nothing
 *                was missing)
 * @param read    both sides' read marks (0: nothing read yet)
 */
public record OpenedFrame(String conversationId, long lastSeq, ReadMarks read) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "opened").add("conversationId", conversationId)
                .add("lastSeq", lastSeq)
                .add("read", JsonBuilders.object().add("operator", read.operator())
                        .add("administrator", read.administrator()))
                .build();
    }
}
