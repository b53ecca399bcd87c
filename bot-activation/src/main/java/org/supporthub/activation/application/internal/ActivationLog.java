package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.PublicAddress;

/**
 * Moves the bot through an activation and keeps its report, one short transaction per step. The bot's
 * row is optimistically locked: of two instances that both saw "INSTALLED", only one commits
 * "ACTIVATING"; the other's commit fails and it reports the activation as already running.
 */
@ApplicationScoped
public class ActivationLog {

    @Inject
    PortalRepository portals;

    @Inject
    ActivationReportRepository reports;

    /** @return false when an activation of this portal is already running */
    @Transactional
    public boolean begin(String portalId) {
        Portal portal = portals.find(portalId).orElseThrow();
        if (portal.botState() == BotState.ACTIVATING) {
            return false;
        }
        portal.apply(BotEvent.ACTIVATION_STARTED);
        return true;
    }

    /**
     * Ends the running activation: connected, or back to the plain bot.
     *
     * @param checkedAddress the public address the run checked; a connected run proved it the portal's own
     */
    @Transactional
    public void finish(String portalId, boolean connected, ActivationReport report, PublicAddress checkedAddress) {
        Portal portal = portals.find(portalId).orElseThrow();
        if (portal.botState() == BotState.ACTIVATING) {
            portal.apply(connected ? BotEvent.ACTIVATION_SUCCEEDED : BotEvent.ACTIVATION_FAILED);
        }
        if (connected) {
            portal.addressProven(checkedAddress);
        }
        reports.store(report);
    }

    /** Keeps the report of a run refused before it started (not an administrator, channel off). */
    @Transactional
    public void record(ActivationReport report) {
        reports.store(report);
    }
}
