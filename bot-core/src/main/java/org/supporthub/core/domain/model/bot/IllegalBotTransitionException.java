package org.supporthub.core.domain.model.bot;

/** Thrown when an event is not allowed in the bot's current state. */
public class IllegalBotTransitionException extends RuntimeException {

    private final BotState from;
    private final BotEvent event;

    public IllegalBotTransitionException(BotState from, BotEvent event) {
        super("The support bot cannot go through " + event + " while " + from);
        this.from = from;
        this.event = event;
    }

    public BotState from() {
        return from;
    }

    public BotEvent event() {
        return event;
    }
}
