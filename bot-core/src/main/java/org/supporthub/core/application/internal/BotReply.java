package org.supporthub.core.application.internal;

import java.util.List;

/** One thing the bot says, with the buttons it offers. */
public record BotReply(String text, List<String> actions) {
    public BotReply {
        actions = List.copyOf(actions);
    }
}
