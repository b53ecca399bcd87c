package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.JsonObject;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * The widget's {@code locale}: the language the user chose for their conversation is now {@code locale}. The
 * answer to the client's own {@code locale} frame, and the news for the user's other tabs, whose labels
 * follow it.
 */
public record LocaleFrame(String locale) implements ServerFrame {

    @Override
    public JsonObject toJson() {
        return JsonBuilders.object().add("type", "locale").add("locale", locale).build();
    }
}
