package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;

import java.util.List;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/** The console's {@code sessions}: every session the operator should see now; the client replaces its list. */
public record SessionsFrame(List<ConsoleSession> sessions) implements ServerFrame {

    public SessionsFrame {
        sessions = List.copyOf(sessions);
    }

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "sessions")
                .add("sessions", ConsoleSessionsJson.array(sessions)).build();
    }
}
