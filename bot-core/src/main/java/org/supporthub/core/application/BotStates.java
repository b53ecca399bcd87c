package org.supporthub.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.bot.BotStateChanged;
import org.supporthub.core.domain.model.portal.Portal;

/**
 * Moves a portal's bot and announces the move: the one way services change the bot's state, so that no
 * change goes unannounced. The announcement is an event that observers take up after the transaction
 * commits (the widgets show the new state); a move that rolls back is never announced.
 */
@ApplicationScoped
public class BotStates {

    @Inject
    @BotStateChanged
    Event<BotStateChange> changed;

    public BotStates() {
        // for the container
    }

    /** Outside a container (unit tests): announcements go to {@code changed}. */
    public BotStates(Event<BotStateChange> changed) {
        this.changed = changed;
    }

    /**
     * Applies the event by the lifecycle table and announces the new state when it differs.
     *
     * @return the state before the event
     */
    public BotState apply(Portal portal, BotEvent event) {
        BotState before = portal.apply(event);
        announceIfMoved(portal, before);
        return before;
    }

    /** Announces the portal's state if a move the portal made itself (a re-check) changed it. */
    public void announceIfMoved(Portal portal, BotState before) {
        if (portal.botState() != before) {
            changed.fire(new BotStateChange(portal.id(), portal.botState()));
        }
    }
}
