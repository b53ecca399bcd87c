package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.supporthub.core.domain.model.staff.ConsoleNotifications;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.OperatorProfile;

import java.util.List;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * The console's {@code welcome}: who the operator is (with the console language they chose, if any), their
 * channels (with canned responses), the operators they may transfer to, and their sessions. The full
 * {@code sessions} list follows it, and the notifications the operator keeps on (issue 13).
 *
 * @param locale the console language the staff member chose ({@code pl}, {@code en}); null while they chose
 *               none (the console then follows the browser), and then left out of the frame
 */
public record ConsoleWelcomeFrame(OperatorProfile profile, String locale, List<ConsoleSession> sessions,
                                  ConsoleNotifications notifications)
        implements ServerFrame {

    public ConsoleWelcomeFrame {
        sessions = List.copyOf(sessions);
        notifications = notifications == null ? ConsoleNotifications.ALL_ON : notifications;
    }

    /** The welcome of a staff member who switched no notification off. */
    public ConsoleWelcomeFrame(OperatorProfile profile, String locale, List<ConsoleSession> sessions) {
        this(profile, locale, sessions, ConsoleNotifications.ALL_ON);
    }

    /** The welcome of a staff member who chose no console language. */
    public ConsoleWelcomeFrame(OperatorProfile profile, List<ConsoleSession> sessions) {
        this(profile, null, sessions);
    }

    @Override
    public JsonObject toJson() {
        JsonArrayBuilder channels = JsonBuilders.array();
        profile.channels().forEach(c -> {
            JsonArrayBuilder canned = JsonBuilders.array();
            c.cannedResponses().forEach(r -> canned.add(JsonBuilders.object()
                    .add("title", r.title()).add("text", r.text())));
            channels.add(JsonBuilders.object().add("id", c.id()).add("name", c.name())
                    .add("routingMode", c.routingMode()).add("cannedResponses", canned));
        });
        JsonArrayBuilder operators = JsonBuilders.array();
        profile.operators().forEach(o -> operators.add(JsonBuilders.object().add("username", o.username())
                .add("name", o.name()).add("status", o.status().name())));
        JsonObjectBuilder operator = JsonBuilders.object().add("username", profile.username())
                .add("name", profile.name());
        if (locale != null) {
            operator.add("locale", locale);
        }
        return JsonBuilders.object()
                .add("type", "welcome")
                .add("operator", operator)
                .add("status", profile.status().name())
                .add("channels", channels)
                .add("operators", operators)
                .add("sessions", ConsoleSessionsJson.array(sessions))
                .add("notifications", notificationsJson(notifications))
                .build();
    }

    /** The operator's notification choices (docs/protocol.md, section 11), as the welcome and the REST side say them. */
    public static JsonObject notificationsJson(ConsoleNotifications n) {
        return JsonBuilders.object().add("offers", n.offers()).add("messages", n.messages())
                .add("returns", n.returns()).add("sound", n.sound()).build();
    }
}
