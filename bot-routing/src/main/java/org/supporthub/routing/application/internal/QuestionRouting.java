package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.QuestionAsked;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.SessionIntakeService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands an administrator's question to routing. Two transactions on purpose: continuing an open session
 * locks only that session, and only opening a new one locks the conversation, so an operator replying
 * (session, then conversation) and an administrator writing can never wait on each other in a circle.
 *
 * <p>An acknowledged question always ends in a session or in a bot message saying why not. The question
 * is stored marked as awaiting routing; whichever transaction takes it (opens or continues its session,
 * or explains that no channel serves its language) removes the mark. If routing fails in between (the
 * database, a crash of this instance), the mark stays and {@link #retryStale} takes the question up again
 * from the database on a later routing beat, on whichever instance runs it.
 */
@ApplicationScoped
public class QuestionRouting {

    private static final Logger LOG = Logger.getLogger(QuestionRouting.class.getName());
    /** A question this old and still marked was not routed by the request that stored it. */
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    /** At most this many stale questions per beat, so a backlog is worked off without one long beat. */
    static final int BATCH = 50;

    @Inject
    SessionIntakeService intake;

    @Inject
    ConversationRepository conversations;

    @Inject
    Clock clock;

    void asked(@Observes @QuestionAsked SupportQuestion question) {
        try {
            route(question);
        } catch (RuntimeException e) {
            // The question stays marked in the database; a routing beat tries again.
            LOG.log(Level.WARNING, "Routing the question " + question.conversationId() + "#" + question.seq()
                    + " failed; it will be retried from the database", e);
        }
    }

    private void route(SupportQuestion question) {
        try {
            if (!intake.continueOpen(question)) {
                intake.open(question);
            }
        } catch (RoutingRefusal e) {
            if (e.code() != RoutingRefusal.Code.NO_CHANNEL) {
                throw e;
            }
            intake.cannotRoute(question, e);
        }
    }

    /** Routes the questions whose routing failed after they were stored; returns how many it tried. */
    public int retryStale() {
        List<SupportQuestion> stale = staleQuestions(clock.instant().minus(STALE_AFTER));
        for (SupportQuestion question : stale) {
            try {
                route(question);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Routing the question " + question.conversationId() + "#" + question.seq()
                        + " failed again; it stays marked", e);
            }
        }
        return stale.size();
    }

    List<SupportQuestion> staleQuestions(Instant storedBefore) {
        return conversations.awaitingRouting(storedBefore, BATCH).stream()
                .map(q -> new SupportQuestion(q.portalId(), q.message().conversationId(), q.message().seq(),
                        q.message().text(), SupportLocale.fromTag(q.message().awaitingRouting().orElseThrow())
                        .orElse(SupportLocale.EN), q.message().createdAt()))
                .toList();
    }
}
