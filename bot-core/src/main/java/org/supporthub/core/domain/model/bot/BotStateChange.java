package org.supporthub.core.domain.model.bot;

import java.util.Objects;

/** A portal's bot is now in {@code state} (see {@link BotStateChanged}). */
public record BotStateChange(String portalId, BotState state) {

    public BotStateChange {
        Objects.requireNonNull(portalId);
        Objects.requireNonNull(state);
    }
}
