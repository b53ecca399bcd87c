package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/** The console's {@code presence}: the operator's own status, after a change. */
public record PresenceFrame(PresenceStatus status) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "presence").add("status", status.name()).build();
    }
}
