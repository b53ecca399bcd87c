package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;

import java.util.List;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * A console's list of sessions as the protocol writes it (docs/protocol.md, section 10), the same in
 * {@code welcome}, {@code sessions} and {@code sessionsDelta}.
 */
final class ConsoleSessionsJson {

    private ConsoleSessionsJson() {
    }

    static JsonArrayBuilder array(List<ConsoleSession> sessions) {
        JsonArrayBuilder all = JsonBuilders.array();
        sessions.forEach(s -> all.add(session(s)));
        return all;
    }

    private static JsonObjectBuilder session(ConsoleSession s) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("sessionId", s.sessionId())
                .add("conversationId", s.conversationId())
                .add("portalId", s.portalId())
                .add("portalName", s.portalName())
                .add("administrator", s.administrator())
                .add("channelId", s.channelId())
                .add("channelName", s.channelName())
                .add("state", s.state().name())
                .add("offeredToMe", s.offeredToMe())
                .add("askedAt", s.askedAt().toString())
                .add("waitingSeconds", s.waitingSeconds())
                .add("firstMessage", s.firstMessage())
                .add("queuePosition", s.queuePosition())
                .add("leftForLater", s.leftForLater());
        JsonObjectBuilder triage = JsonBuilders.object()
                .add("area", s.label().area())
                .add("coverage", s.label().coverage())
                // Two decimals are all a person reads; more would only make the frame longer.
                .add("confidence", Math.round(s.label().confidence() * 100) / 100.0);
        if (s.label().policyItem() != null) {
            triage.add("policyItem", s.label().policyItem());
        }
        b.add("triage", triage);
        nullable(b, "operator", s.operator());
        nullable(b, "note", s.note());
        return b;
    }

    /** A property the protocol always sends, as {@code null} when there is no value. */
    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
