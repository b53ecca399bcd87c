package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * The widget's {@code welcome}: the answer to a good {@code hello}, before the replay of what the client
 * missed.
 *
 * @param locale   the conversation's language tag, which the widget's own labels follow from now on
 * @param botState the portal's bot state by name
 * @param lastSeq  the conversation's highest sequence number
 */
public record WelcomeFrame(String conversationId, String userName, boolean admin, String locale, String botState,
                           long lastSeq) implements ServerFrame {

    public static WelcomeFrame of(ChatOpening opening, PortalUser user) {
        return new WelcomeFrame(opening.conversationId(), user.name(), user.admin(), opening.locale().tag(),
                opening.botState().name(), opening.lastSeq());
    }

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object()
                .add("type", "welcome")
                .add("conversationId", conversationId)
                .add("user", JsonBuilders.object().add("name", userName).add("admin", admin))
                .add("locale", locale)
                .add("botState", botState)
                .add("lastSeq", lastSeq)
                .build();
    }
}
