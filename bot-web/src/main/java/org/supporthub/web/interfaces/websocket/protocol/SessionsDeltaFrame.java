package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;

import java.util.List;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * The console's {@code sessionsDelta}: what changed in its list since the last list or delta it got.
 *
 * @param added   sessions new to the list, each whole
 * @param changed sessions whose state, owner, position or label changed, each whole
 * @param removed the ids of sessions gone from the list
 */
public record SessionsDeltaFrame(List<ConsoleSession> added, List<ConsoleSession> changed, List<String> removed)
        implements ServerFrame {

    public SessionsDeltaFrame {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    @Override
    public JsonObject toJson() {
        JsonArrayBuilder gone = JsonBuilders.array();
        removed.forEach(gone::add);
        return JsonBuilders.object().add("type", "sessionsDelta")
                .add("added", ConsoleSessionsJson.array(added))
                .add("changed", ConsoleSessionsJson.array(changed))
                .add("removed", gone)
                .build();
    }
}
