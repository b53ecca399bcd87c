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
 * @param email    the user's address from the token's {@code email} claim (pre-fills "leave for later"),
 *                 or null (not sent)
 */
public record WelcomeFrame(String conversationId, String userName, boolean admin, String locale, String botState,
                           long lastSeq, String email) implements ServerFrame {

    /** A welcome for a user whose token carries no address. */
    public WelcomeFrame(String conversationId, String userName, boolean admin, String locale, String botState,
                        long lastSeq) {
        this(conversationId, userName, admin, locale, botState, lastSeq, null);
    }

    public static WelcomeFrame of(ChatOpening opening, PortalUser user) {
        return new WelcomeFrame(opening.conversationId(), user.name(), user.admin(), opening.locale().tag(),
                opening.botState().name(), opening.lastSeq(), user.email().orElse(null));
    }

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object()
                .add("type", "welcome")
                .add("conversationId", conversationId)
                .add("user", email == null ? JsonBuilders.object().add("name", userName).add("admin", admin)
                        : JsonBuilders.object().add("name", userName).add("admin", admin).add("email", email))
                .add("locale", locale)
                .add("botState", botState)
                .add("lastSeq", lastSeq)
                .build();
    }
}
