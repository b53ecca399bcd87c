package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.conversation.SessionEndRequested;
import org.supporthub.routing.application.SessionConversationService;

/** The administrator ended their support session from the widget. */
@ApplicationScoped
public class SessionEndRouting {

    @Inject
    SessionConversationService conversation;

    void requested(@Observes @SessionEndRequested String conversationId) {
        conversation.endByAdministrator(conversationId);
    }
}
