package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

/** The console's {@code presence}: the operator's own status, after a change. */
public record PresenceFrame(PresenceStatus status) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return Json.createObjectBuilder().add("type", "presence").add("status", status.name()).build();
    }
}
