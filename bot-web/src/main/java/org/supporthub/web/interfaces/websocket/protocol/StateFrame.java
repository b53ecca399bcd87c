package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/** {@code state}: the portal's bot moved ({@code INSTALLED}, {@code ACTIVATING}, {@code CONNECTED}...). */
public record StateFrame(BotState botState) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "state").add("botState", botState.name()).build();
    }
}
