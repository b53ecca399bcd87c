package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.util.HashSet;
import java.util.Set;

/**
 * What every move of a session by a person shares, whichever use case makes it: the session is taken under
 * its row lock ({@code SELECT ... FOR UPDATE}), so that two people acting at once are serialised and the
 * second sees what the first did, and the move is announced for delivery after the transaction commits.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class SessionMoves {

    @Inject
    SupportSessionRepository sessions;

    @Inject
    @SupportSessionChanged
    Event<SessionChange> changed;

    /** The session under its row lock; an unknown (or missing) id is refused. */
    public SupportSession locked(String sessionId) {
        return sessions.findForUpdate(sessionId == null ? "" : sessionId)
                .orElseThrow(() -> new RoutingRefusal(Code.UNKNOWN_SESSION, "No such session"));
    }

    /** The conversation's open session under its row lock, if it has one that is still open once locked. */
    public java.util.Optional<SupportSession> openLocked(String conversationId) {
        return sessions.openOfConversation(conversationId)
                .flatMap(s -> sessions.findForUpdate(s.id()))
                .filter(SupportSession::isOpen);
    }

    /** The session under its row lock, refused unless it is open and the operator holds it. */
    public SupportSession owned(String operator, String sessionId) {
        SupportSession session = locked(sessionId);
        if (!session.isOpen()) {
            throw new RoutingRefusal(Code.SESSION_CLOSED, "This session is closed");
        }
        if (!operator.equals(session.operator().orElse(null))) {
            throw new RoutingRefusal(Code.NOT_YOURS, "This session is not yours");
        }
        return session;
    }

    /** The session moved: its conversation and whoever sees these channels are told after commit. */
    public void announce(SupportSession session, Set<String> channelIds) {
        changed.fire(new SessionChange(session.id(), session.conversationId(), new HashSet<>(channelIds)));
    }
}
