package org.supporthub.core.application;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.function.Consumer;

/**
 * The port through which the bot asks for an activation. The activation module provides it; the bot
 * only turns its outcome into words.
 */
public interface BotActivation {

    /**
     * Runs an activation of the portal's bot.
     *
     * @param progress told of each check as it finishes, so the chat can show the activation's progress
     */
    ActivationOutcome activate(Portal portal, PortalUser requestedBy, Consumer<ActivationProgress> progress);
}
