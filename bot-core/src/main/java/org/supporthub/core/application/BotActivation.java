package org.supporthub.core.application;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

/**
 * The port through which the bot asks for an activation. The activation module provides it; the bot
 * only turns its outcome into words.
 */
public interface BotActivation {

    ActivationOutcome activate(Portal portal, PortalUser requestedBy);
}
