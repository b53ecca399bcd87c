package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.AttachmentService.Uploaded;
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentLimits;
import org.supporthub.core.domain.model.attachment.AttachmentRefusedException;
import org.supporthub.core.domain.model.attachment.AttachmentRepository;
import org.supporthub.core.domain.model.attachment.FileType;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.MessageStored;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a message with files in one short transaction, under the same rules as {@link ConversationLog}:
 * the conversation row is locked first, which numbers the message and makes the "client id already
 * stored?" check race-free; the conversation's total is checked under that lock too, and the portal's daily
 * total under the portal's upload lock, taken next (uploads of one portal, on any instance, one at a time).
 */
@ApplicationScoped
public class AttachmentLog {

    @Inject
    ConversationRepository conversations;

    @Inject
    AttachmentRepository attachments;

    @Inject
    @MessageStored
    Event<ConversationMessage> stored;

    @Inject
    Clock clock;

    /** A file whose bytes are already in the store, ready to be recorded. */
    public record Prepared(String name, long size, FileType type, String sha256) {
    }

    /** The message already stored under the client id, if any (a resend). */
    @Transactional
    public Optional<Uploaded> stored(String conversationId, String clientMsgId) {
        return conversations.findByClientMsgIds(Set.of(conversationId), Set.of(clientMsgId)).stream().findFirst()
                .map(m -> uploaded(m, true));
    }

    /**
     * Stores the message and its attachment records, or answers with the message already stored under the
     * client id.
     *
     * @throws AttachmentRefusedException when the conversation's or the portal's total would be exceeded
     */
    @Transactional
    public Uploaded append(String conversationId, String clientMsgId, AuthorKind kind, String authorName, String text,
                           List<Prepared> files, AttachmentLimits limits) {
        Conversation c = conversations.findForUpdate(conversationId)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + conversationId));
        Optional<Uploaded> earlier = conversations.findByClientMsgIds(Set.of(c.id()), Set.of(clientMsgId)).stream()
                .findFirst().map(m -> uploaded(m, true));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        long adding = files.stream().mapToLong(Prepared::size).sum();
        // The portal's total is shared by its conversations: checked and raised one upload at a time.
        attachments.lockPortalUploads(c.portalId());
        limits.checkTotals(adding, attachments.bytesInConversation(c.id()),
                        attachments.bytesOfPortalSince(c.portalId(), now.minus(Duration.ofDays(1))))
                .ifPresent(r -> {
                    throw new AttachmentRefusedException(r);
                });
        if (kind == AuthorKind.USER && !c.userName().equals(authorName)) {
            c.rename(authorName);
        }
        ChatMessage m = new ChatMessage(UUID.randomUUID().toString(), c.id(), c.nextSeq(), clientMsgId, kind,
                authorName, text, List.of(), now);
        m.carryAttachments(files.size());
        conversations.append(m);
        List<AttachedFile> views = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Prepared f = files.get(i);
            Attachment a = new Attachment(UUID.randomUUID().toString(), c.id(), c.portalId(), m.seq(), i, f.name(),
                    f.size(), f.type(), f.sha256(), now);
            attachments.store(a);
            views.add(a.view());
        }
        // Delivered after commit only, through the same path as every message: both sides see it.
        stored.fire(ConversationMessage.of(c.portalId(), m, views));
        return new Uploaded(c.id(), clientMsgId, m.seq(), false, views);
    }

    private Uploaded uploaded(ChatMessage m, boolean duplicate) {
        List<AttachedFile> views = m.attachmentCount() == 0 ? List.of()
                : attachments.ofMessages(m.conversationId(), List.of(m.seq())).stream().map(Attachment::view).toList();
        return new Uploaded(m.conversationId(), m.clientMsgId(), m.seq(), duplicate, views);
    }
}
