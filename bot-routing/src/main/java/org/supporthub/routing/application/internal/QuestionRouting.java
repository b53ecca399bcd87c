package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.conversation.QuestionAsked;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.routing.application.SupportSessionService;

/**
 * Hands an administrator's question to routing. Two transactions on purpose: continuing an open session
 * locks only that session, and only opening a new one locks the conversation, so an operator replying
 * (session, then conversation) and an administrator writing can never wait on each other in a circle.
 */
@ApplicationScoped
public class QuestionRouting {

    @Inject
    SupportSessionService sessions;

    void asked(@Observes @QuestionAsked SupportQuestion question) {
        if (!sessions.continueOpen(question)) {
            sessions.open(question);
        }
    }
}
