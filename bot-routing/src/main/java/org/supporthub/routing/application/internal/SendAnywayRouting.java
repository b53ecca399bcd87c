package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.conversation.SendToSupportRequested;
import org.supporthub.routing.application.SessionIntakeService;

/** The administrator clicked "Send to support anyway": the held session joins the queue. */
@ApplicationScoped
public class SendAnywayRouting {

    @Inject
    SessionIntakeService intake;

    void requested(@Observes @SendToSupportRequested String conversationId) {
        intake.sendAnyway(conversationId);
    }
}
