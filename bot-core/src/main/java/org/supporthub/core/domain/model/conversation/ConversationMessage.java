package org.supporthub.core.domain.model.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A stored message as the rest of the system sees it: what delivery pushes and history replays.
 */
public record ConversationMessage(String portalId, String conversationId, long seq, String clientMsgId,
                                  AuthorKind authorKind, String authorName, String text, List<String> actions,
                                  Instant at) {

    public ConversationMessage {
        actions = List.copyOf(actions);
    }

    public static ConversationMessage of(String portalId, ChatMessage m) {
        return new ConversationMessage(portalId, m.conversationId(), m.seq(), m.clientMsgId(), m.authorKind(),
                m.authorName(), m.text(), m.actions(), m.createdAt());
    }
}
