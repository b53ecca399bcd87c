package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.AttachmentService;
import org.supporthub.core.application.ConversationDeletion;
import org.supporthub.core.domain.model.conversation.ConversationDeleted;
import org.supporthub.core.domain.model.conversation.ConversationRepository;

/**
 * One transaction: the conversation row is locked (no message can be added meanwhile), the other modules
 * remove their rows ({@code @ConversationDeleted}), then the attachment records, the messages and the
 * conversation go. The files' bytes are removed after the commit, when nothing refers to them any more.
 */
@ApplicationScoped
public class DefaultConversationDeletion implements ConversationDeletion {

    @Inject
    ConversationRepository conversations;

    @Inject
    AttachmentService attachments;

    @Inject
    @ConversationDeleted
    Event<String> deleted;

    @Override
    @Transactional
    public boolean delete(String conversationId) {
        if (conversations.findForUpdate(conversationId).isEmpty()) {
            return false;
        }
        deleted.fire(conversationId);
        attachments.deleteOfConversation(conversationId);
        conversations.delete(conversationId);
        return true;
    }
}
