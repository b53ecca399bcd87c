package org.supporthub.activation.application;

import org.supporthub.core.domain.model.bot.BotState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Re-check now": the periodic re-check of one portal, run at a manager's request. The same checks and the
 * same rules as the timer's run: a connected portal that fails is disconnected (its administrators told), a
 * portal a re-check had disconnected reconnects when it passes, and a claimed address is proven before it
 * is trusted. It never connects a portal that was not connected: that takes an activation by the portal's
 * administrator.
 */
public interface PortalRecheckService {

    /**
     * @return empty when there is no such portal
     * @throws RecheckRunningException when a manual re-check of this portal is already running here
     */
    Optional<RecheckOutcome> recheckNow(String portalId);

    /**
     * @param passed whether every check passed
     * @param checks what was checked (licence and address; the challenge too while an address awaits proof)
     */
    record RecheckOutcome(String portalId, BotState before, BotState after, boolean passed,
                          List<PortalStatusQueries.CheckSummary> checks, Instant at) {
        public static RecheckOutcome of(String portalId, BotState before, BotState after,
                                        List<PortalStatusQueries.CheckSummary> checks, Instant at) {
            return new RecheckOutcome(portalId, before, after,
                    checks.stream().allMatch(PortalStatusQueries.CheckSummary::passed), List.copyOf(checks), at);
        }
    }

    /** One manual re-check per portal at a time: a second click waits for the first's answer instead. */
    class RecheckRunningException extends RuntimeException {
        public RecheckRunningException(String portalId) {
            super("A re-check of portal " + portalId + " is already running");
        }
    }
}
