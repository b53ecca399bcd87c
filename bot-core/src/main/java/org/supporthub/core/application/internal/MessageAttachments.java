package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentRepository;
import org.supporthub.core.domain.model.conversation.ChatMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The files of stored messages, for replays and histories: one read for a page, none for a page without files. */
@ApplicationScoped
public class MessageAttachments {

    @Inject
    AttachmentRepository attachments;

    /** The files of those of the messages that carry some, by sequence number. */
    public Map<Long, List<AttachedFile>> filesOf(String conversationId, List<ChatMessage> messages) {
        List<Long> seqs = messages.stream().filter(m -> m.attachmentCount() > 0).map(ChatMessage::seq).toList();
        if (seqs.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<AttachedFile>> bySeq = new HashMap<>();
        for (Attachment a : attachments.ofMessages(conversationId, seqs)) {
            bySeq.computeIfAbsent(a.messageSeq(), s -> new ArrayList<>()).add(a.view());
        }
        return bySeq;
    }
}
