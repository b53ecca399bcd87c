package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.OperatorProfile;

import java.util.List;

/**
 * The console's {@code welcome}: who the operator is, their channels (with canned responses), the
 * operators they may transfer to, and their sessions. The full {@code sessions} list follows it.
 */
public record ConsoleWelcomeFrame(OperatorProfile profile, List<ConsoleSession> sessions) implements ServerFrame {

    public ConsoleWelcomeFrame {
        sessions = List.copyOf(sessions);
    }

    @Override
    public JsonObject toJson() {
        JsonArrayBuilder channels = Json.createArrayBuilder();
        profile.channels().forEach(c -> {
            JsonArrayBuilder canned = Json.createArrayBuilder();
            c.cannedResponses().forEach(r -> canned.add(Json.createObjectBuilder()
                    .add("title", r.title()).add("text", r.text())));
            channels.add(Json.createObjectBuilder().add("id", c.id()).add("name", c.name())
                    .add("routingMode", c.routingMode()).add("cannedResponses", canned));
        });
        JsonArrayBuilder operators = Json.createArrayBuilder();
        profile.operators().forEach(o -> operators.add(Json.createObjectBuilder().add("username", o.username())
                .add("name", o.name()).add("status", o.status().name())));
        return Json.createObjectBuilder()
                .add("type", "welcome")
                .add("operator", Json.createObjectBuilder().add("username", profile.username())
                        .add("name", profile.name()))
                .add("status", profile.status().name())
                .add("channels", channels)
                .add("operators", operators)
                .add("sessions", ConsoleSessionsJson.array(sessions))
                .build();
    }
}
