package org.supporthub.core.application;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The port through which the bot asks for an activation. The activation module provides it; the bot
 * only turns its outcome into words.
 */
public interface BotActivation {

    /**
     * Starts an activation of the portal's bot and returns at once: the checks wait on the network, and
     * the caller (a WebSocket container thread) must not wait with them. Only the preconditions (asked by
     * an administrator, support channel on), which look at nothing but the request, are judged before
     * this returns.
     *
     * @param progress told of each check as it finishes, so the chat can show the activation's progress;
     *                 called on the activation's own thread
     * @return the outcome, completed on the activation's thread (or already, for a refusal); it always
     *         completes, by the activation deadline at the latest
     */
    CompletionStage<ActivationOutcome> activate(Portal portal, PortalUser requestedBy,
                                                Consumer<ActivationProgress> progress);
}
