package org.supporthub.core.domain.model.conversation;

import org.supporthub.core.domain.model.attachment.AttachedFile;

import java.time.Instant;
import java.util.List;

/**
 * A stored message as the rest of the system sees it: what delivery pushes and history replays.
 *
 * @param attachments the files the message carries, in the order they were sent (most messages have none)
 */
public record ConversationMessage(String portalId, String conversationId, long seq, String clientMsgId,
                                  AuthorKind authorKind, String authorName, String text, List<String> actions,
                                  Instant at, List<AttachedFile> attachments) {

    public ConversationMessage {
        actions = List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without files. */
    public ConversationMessage(String portalId, String conversationId, long seq, String clientMsgId,
                               AuthorKind authorKind, String authorName, String text, List<String> actions,
                               Instant at) {
        this(portalId, conversationId, seq, clientMsgId, authorKind, authorName, text, actions, at, List.of());
    }

    public static ConversationMessage of(String portalId, ChatMessage m) {
        return of(portalId, m, List.of());
    }

    public static ConversationMessage of(String portalId, ChatMessage m, List<AttachedFile> attachments) {
        return new ConversationMessage(portalId, m.conversationId(), m.seq(), m.clientMsgId(), m.authorKind(),
                m.authorName(), m.text(), m.actions(), m.createdAt(), attachments);
    }
}
