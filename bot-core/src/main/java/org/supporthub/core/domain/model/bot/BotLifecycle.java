package org.supporthub.core.domain.model.bot;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.supporthub.core.domain.model.bot.BotEvent.*;
import static org.supporthub.core.domain.model.bot.BotState.*;

/**
 * The bot lifecycle as one rule table: which event moves a bot from which state to which.
 *
 * <p>Everything not in the table is refused. Keeping the rules here, and nowhere else, is what lets a
 * table test pin every allowed and every refused transition.
 */
public final class BotLifecycle {

    private static final Map<BotState, Map<BotEvent, BotState>> RULES = new EnumMap<>(BotState.class);

    static {
        rule(DISABLED, CHANNEL_ENABLED, INSTALLED);

        rule(INSTALLED, CHANNEL_DISABLED, DISABLED);
        rule(INSTALLED, ACTIVATION_STARTED, ACTIVATING);
        // Only for a bot a re-check disconnected (the portal remembers that): its support comes back by itself.
        rule(INSTALLED, RECHECK_PASSED, CONNECTED);

        rule(ACTIVATING, ACTIVATION_SUCCEEDED, CONNECTED);
        rule(ACTIVATING, ACTIVATION_FAILED, INSTALLED);
        rule(ACTIVATING, CHANNEL_DISABLED, DISABLED);

        rule(CONNECTED, RECHECK_FAILED, INSTALLED);
        rule(CONNECTED, CHANNEL_DISABLED, DISABLED);
        // Re-activating a connected bot re-runs the checks, e.g. after the portal moved its address.
        rule(CONNECTED, ACTIVATION_STARTED, ACTIVATING);
    }

    private BotLifecycle() {
    }

    private static void rule(BotState from, BotEvent event, BotState to) {
        RULES.computeIfAbsent(from, s -> new EnumMap<>(BotEvent.class)).put(event, to);
    }

    /** The state {@code event} leads to from {@code from}, or empty when the table refuses it. */
    public static Optional<BotState> next(BotState from, BotEvent event) {
        return Optional.ofNullable(RULES.getOrDefault(from, Map.of()).get(event));
    }

    public static boolean allows(BotState from, BotEvent event) {
        return next(from, event).isPresent();
    }

    /** The next state, or {@link IllegalBotTransitionException} when the table refuses the event. */
    public static BotState apply(BotState from, BotEvent event) {
        return next(from, event).orElseThrow(() -> new IllegalBotTransitionException(from, event));
    }
}
