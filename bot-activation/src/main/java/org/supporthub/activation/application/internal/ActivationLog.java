package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;
import org.supporthub.activation.domain.model.ActivationRun;
import org.supporthub.activation.domain.model.ActivationRunRepository;
import org.supporthub.core.application.BotStates;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.PublicAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Moves the bot through an activation and keeps its report, one short transaction per step. The bot's
 * row is optimistically locked: of two instances that both saw "INSTALLED", only one commits
 * "ACTIVATING"; the other's commit fails and it reports the activation as already running.
 *
 * <p>With ACTIVATING goes a row that says which run it is and by when it ends ({@link ActivationRun}), so
 * that a run whose instance died can be told from a live one and ended by any instance.
 */
@ApplicationScoped
public class ActivationLog {

    private static final Logger LOG = Logger.getLogger(ActivationLog.class.getName());

    @Inject
    BotStates botStates;

    @Inject
    PortalRepository portals;

    @Inject
    ActivationReportRepository reports;

    @Inject
    ActivationRunRepository runs;

    /** @return false when an activation of this portal is already running */
    @Transactional
    public boolean begin(ActivationRun run) {
        Portal portal = portals.find(run.portalId()).orElseThrow();
        if (portal.botState() == BotState.ACTIVATING) {
            return false;
        }
        botStates.apply(portal, BotEvent.ACTIVATION_STARTED);
        runs.start(run);
        return true;
    }

    /**
     * Ends the run: connected, or back to the plain bot, with its report.
     *
     * @param checkedAddress the public address the run checked; a connected run proved it the portal's own
     * @return false when the run had already been ended as abandoned (its report is then dropped: the one
     *         stored then is what the bot's state reflects)
     */
    @Transactional
    public boolean finish(String portalId, String runId, boolean connected, ActivationReport report,
                          PublicAddress checkedAddress) {
        Optional<ActivationRun> run = runs.find(portalId).filter(r -> r.runId().equals(runId));
        if (run.isEmpty()) {
            LOG.warning("Activation run " + runId + " of portal " + portalId
                    + " finished after it had been ended as abandoned; its result is dropped");
            return false;
        }
        Portal portal = portals.find(portalId).orElseThrow();
        if (portal.botState() == BotState.ACTIVATING) {
            botStates.apply(portal, connected ? BotEvent.ACTIVATION_SUCCEEDED : BotEvent.ACTIVATION_FAILED);
        }
        if (connected) {
            portal.addressProven(checkedAddress);
        }
        runs.remove(run.get());
        reports.store(report);
        return true;
    }

    /** Keeps the report of a run refused before it started (channel off, hub busy). */
    @Transactional
    public void record(ActivationReport report) {
        reports.store(report);
    }

    /** Portals that may have an abandoned run (see {@link ActivationRunRepository#suspectPortals}). */
    @Transactional
    public List<String> suspects(Instant deadlineBefore) {
        return runs.suspectPortals(deadlineBefore);
    }

    /**
     * Ends a run that no live instance can still be running: the bot goes back to INSTALLED and the
     * report says the run was interrupted. A run still within its deadline and margin is left alone.
     *
     * @param report the report to store, made from the run row (empty when there is none)
     * @return true when this call ended it
     */
    @Transactional
    public boolean repair(String portalId, Instant now, Duration margin,
                          Function<Optional<ActivationRun>, ActivationReport> report) {
        Optional<Portal> found = portals.find(portalId);
        if (found.isEmpty()) {
            return false;
        }
        Portal portal = found.get();
        Optional<ActivationRun> run = runs.find(portalId);
        if (portal.botState() != BotState.ACTIVATING) {
            // A row the bot no longer stands for: the next run of the portal takes it over anyway.
            return false;
        }
        if (run.isPresent() && !run.get().abandonedAt(now, margin)) {
            return false;
        }
        botStates.apply(portal, BotEvent.ACTIVATION_FAILED);
        run.ifPresent(runs::remove);
        reports.store(report.apply(run));
        LOG.warning("Activation of portal " + portalId + " was abandoned"
                + run.map(r -> " by hub instance " + r.instanceId() + " (started " + r.startedAt() + ", deadline "
                + r.deadlineAt() + ")").orElse(" (no run recorded)") + "; the bot is back to INSTALLED");
        return true;
    }
}
