package org.supporthub.web.interfaces.websocket;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.OperatorProfile;
import org.supporthub.routing.application.SupportSessionQueries.WidgetSession;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.util.List;

/** Frames about support sessions, for the widget and the console (docs/protocol.md, sections 8 and 10). */
final class SessionFrames {

    private SessionFrames() {
    }

    static String widgetSession(WidgetSession s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "session").add("sessionId", s.sessionId())
                .add("state", s.state().name()).add("outOfHours", s.outOfHours());
        if (s.queuePosition() > 0) {
            b.add("queuePosition", s.queuePosition());
        }
        if (s.operatorName() != null) {
            b.add("operator", Json.createObjectBuilder().add("name", s.operatorName()));
        }
        if (s.held()) {
            b.add("held", true);
        }
        JsonObjectBuilder vote = Json.createObjectBuilder().add("open", s.voteOpen());
        if (s.vote() == null) {
            vote.addNull("value");
        } else {
            vote.add("value", s.vote());
        }
        return b.add("vote", vote).build().toString();
    }

    static String typing(String name, String conversationId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "typing").add("name", name);
        if (conversationId != null) {
            b.add("conversationId", conversationId);
        }
        return b.build().toString();
    }

    static String welcome(OperatorProfile profile, List<ConsoleSession> sessions) {
        JsonArrayBuilder channels = Json.createArrayBuilder();
        profile.channels().forEach(c -> {
            JsonArrayBuilder canned = Json.createArrayBuilder();
            c.cannedResponses().forEach(r -> canned.add(Json.createObjectBuilder().add("title", r.title())
                    .add("text", r.text())));
            channels.add(Json.createObjectBuilder().add("id", c.id()).add("name", c.name())
                    .add("routingMode", c.routingMode()).add("cannedResponses", canned));
        });
        JsonArrayBuilder operators = Json.createArrayBuilder();
        profile.operators().forEach(o -> operators.add(Json.createObjectBuilder().add("username", o.username())
                .add("name", o.name()).add("status", o.status().name())));
        return Json.createObjectBuilder().add("type", "welcome")
                .add("operator", Json.createObjectBuilder().add("username", profile.username())
                        .add("name", profile.name()))
                .add("status", profile.status().name())
                .add("channels", channels).add("operators", operators)
                .add("sessions", sessionArray(sessions)).build().toString();
    }

    static String sessions(List<ConsoleSession> sessions) {
        return Json.createObjectBuilder().add("type", "sessions").add("sessions", sessionArray(sessions)).build()
                .toString();
    }

    /**
     * The changes to a console's list since the last one it had: sessions added, sessions changed (each
     * whole, as in {@code sessions}) and the ids of sessions removed (docs/protocol.md, section 10).
     */
    static String sessionsDelta(List<ConsoleSession> added, List<ConsoleSession> changed, List<String> removed) {
        JsonArrayBuilder gone = Json.createArrayBuilder();
        removed.forEach(gone::add);
        return Json.createObjectBuilder().add("type", "sessionsDelta").add("added", sessionArray(added))
                .add("changed", sessionArray(changed)).add("removed", gone).build().toString();
    }

    /** What a session says, apart from its waiting time: two with one signature are the same news. */
    static String signature(ConsoleSession s) {
        return String.join("|", s.sessionId(), s.state().name(), String.valueOf(s.operator()),
                String.valueOf(s.offeredToMe()), String.valueOf(s.queuePosition()), String.valueOf(s.note()),
                s.channelId(), s.label().area(), s.label().coverage(), String.valueOf(s.label().policyItem()),
                s.channelName(), s.portalName(), s.administrator());
    }

    static String presence(PresenceStatus status) {
        return Json.createObjectBuilder().add("type", "presence").add("status", status.name()).build().toString();
    }

    static String consoleAck(org.supporthub.core.application.PostedMessage posted, String conversationId) {
        return Json.createObjectBuilder().add("type", "ack").add("clientMsgId", posted.clientMsgId())
                .add("seq", posted.seq()).add("duplicate", posted.duplicate()).add("conversationId", conversationId)
                .build().toString();
    }

    static String error(String code, String message, String clientMsgId, String sessionId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "error").add("code", code).add("message", message);
        if (clientMsgId != null) {
            b.add("clientMsgId", clientMsgId);
        }
        if (sessionId != null) {
            b.add("sessionId", sessionId);
        }
        return b.build().toString();
    }

    private static JsonArrayBuilder sessionArray(List<ConsoleSession> sessions) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ConsoleSession s : sessions) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("sessionId", s.sessionId())
                    .add("conversationId", s.conversationId()).add("portalId", s.portalId())
                    .add("portalName", s.portalName()).add("administrator", s.administrator())
                    .add("channelId", s.channelId()).add("channelName", s.channelName()).add("state", s.state().name())
                    .add("offeredToMe", s.offeredToMe()).add("askedAt", s.askedAt().toString())
                    .add("waitingSeconds", s.waitingSeconds()).add("firstMessage", s.firstMessage())
                    .add("queuePosition", s.queuePosition());
            JsonObjectBuilder label = Json.createObjectBuilder().add("area", s.label().area())
                    .add("coverage", s.label().coverage())
                    .add("confidence", Math.round(s.label().confidence() * 100) / 100.0);
            if (s.label().policyItem() != null) {
                label.add("policyItem", s.label().policyItem());
            }
            b.add("triage", label);
            if (s.operator() == null) {
                b.addNull("operator");
            } else {
                b.add("operator", s.operator());
            }
            if (s.note() == null) {
                b.addNull("note");
            } else {
                b.add("note", s.note());
            }
            all.add(b);
        }
        return all;
    }
}
