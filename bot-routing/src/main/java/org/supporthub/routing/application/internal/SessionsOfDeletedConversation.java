package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.conversation.ConversationDeleted;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

/** A deleted conversation takes its support sessions with it, in the deleting transaction. */
@ApplicationScoped
public class SessionsOfDeletedConversation {

    @Inject
    SupportSessionRepository sessions;

    void onDeleted(@Observes @ConversationDeleted String conversationId) {
        sessions.deleteOfConversation(conversationId);
    }
}
