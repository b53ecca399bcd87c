package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.routing.application.SupportSessionQueries.WidgetSession;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * The widget's {@code session}: its conversation's support session as it stands (docs/protocol.md,
 * section 8). Two frames that are equal say the same to the client, so a widget is sent one only when it
 * differs from the last.
 *
 * @param queuePosition 1 = next; 0 when no operator is awaited (not sent then)
 * @param operatorName  the operator holding it, once assigned; else null (not sent)
 * @param held          waiting for the administrator's decision after triage (sent only when true)
 * @param voteOpen      the administrator may vote now
 * @param leftForLater  waiting, left for later by the administrator (sent only when true)
 * @param vote          the vote given ({@code like}/{@code dislike}), or null (sent as {@code null})
 */
public record SessionFrame(String sessionId, SupportSessionState state, boolean outOfHours, int queuePosition,
                           String operatorName, boolean held, boolean voteOpen, String vote,
                           boolean leftForLater) implements ServerFrame {

    public SessionFrame {
        queuePosition = Math.max(0, queuePosition);
    }

    public SessionFrame(String sessionId, SupportSessionState state, boolean outOfHours, int queuePosition,
                        String operatorName, boolean held, boolean voteOpen, String vote) {
        this(sessionId, state, outOfHours, queuePosition, operatorName, held, voteOpen, vote, false);
    }

    public static SessionFrame of(WidgetSession s) {
        return new SessionFrame(s.sessionId(), s.state(), s.outOfHours(), s.queuePosition(), s.operatorName(),
                s.held(), s.voteOpen(), s.vote(), s.leftForLater());
    }

    /** Whether it tells the widget the session is over. */
    public boolean closed() {
        return state == SupportSessionState.CLOSED;
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("type", "session")
                .add("sessionId", sessionId)
                .add("state", state.name())
                .add("outOfHours", outOfHours);
        if (queuePosition > 0) {
            b.add("queuePosition", queuePosition);
        }
        if (operatorName != null) {
            b.add("operator", JsonBuilders.object().add("name", operatorName));
        }
        if (held) {
            b.add("held", true);
        }
        if (leftForLater) {
            b.add("leftForLater", true);
        }
        JsonObjectBuilder voting = JsonBuilders.object().add("open", voteOpen);
        if (vote == null) {
            voting.addNull("value");
        } else {
            voting.add("value", vote);
        }
        return b.add("vote", voting).build();
    }
}
